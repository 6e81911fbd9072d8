"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { EndpointForm } from "./endpoint-form";
import { SecretReveal } from "./secret-reveal";

// One endpoint's buttons: edit, send a test event, rotate the secret (shown once), enable/disable, delete.

type Endpoint = { id: string; url: string; description: string; events: string[]; enabled: boolean };
type State = { kind: "idle" | "busy" | "editing" } | { kind: "secret"; secret: string } | { kind: "note" | "error"; message: string };

export function EndpointActions({ waitlistId, endpoint }: { waitlistId: string; endpoint: Endpoint }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });
  const base = `/api/waitlists/${waitlistId}/webhooks/${endpoint.id}`;

  async function run(path: string, method: "POST" | "PATCH" | "DELETE", body: unknown, note: string) {
    setState({ kind: "busy" });
    const result = await ownerFetch<{ secret?: string }>(path, { method, body });
    if (!result.ok) return setState({ kind: "error", message: result.error.message });
    setState(result.data.secret ? { kind: "secret", secret: result.data.secret } : { kind: "note", message: note });
    router.refresh();
  }

  if (state.kind === "editing") {
    return <EndpointForm waitlistId={waitlistId} endpoint={endpoint} onDone={() => setState({ kind: "idle" })} />;
  }
  if (state.kind === "secret") {
    return (
      <SecretReveal secret={state.secret} onClose={() => setState({ kind: "idle" })}>
        New signing secret. The previous one keeps signing too for 24 hours, so switch your receiver over within a day.
      </SecretReveal>
    );
  }
  const busy = state.kind === "busy";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => setState({ kind: "editing" })}>
          Edit
        </Button>
        <Button size="sm" variant="secondary" disabled={busy || !endpoint.enabled} onClick={() => void run(`${base}/test`, "POST", undefined, "Test event queued: it shows in the deliveries below.")}>
          Send test event
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={busy}
          onClick={() => {
            if (window.confirm("Rotate the signing secret? The current one keeps working for 24 hours.")) void run(`${base}/rotate-secret`, "POST", undefined, "");
          }}
        >
          Rotate secret
        </Button>
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(base, "PATCH", { enabled: !endpoint.enabled }, endpoint.enabled ? "Disabled." : "Enabled.")}>
          {endpoint.enabled ? "Disable" : "Enable"}
        </Button>
        <Button
          size="sm"
          variant="danger"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Delete the endpoint ${endpoint.url} and its delivery log?`)) void run(base, "DELETE", undefined, "Deleted.");
          }}
        >
          Delete
        </Button>
      </div>
      {state.kind === "note" && state.message ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      ) : null}
      {state.kind === "error" ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
