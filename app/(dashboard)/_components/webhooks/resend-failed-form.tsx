"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// "Resend all failed since…": every failed delivery of enabled endpoints queued at or after a chosen time
// (the browser's local time, sent as an instant).

export function ResendFailedForm({ waitlistId }: { waitlistId: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: "idle" | "busy" } | { kind: "done"; count: number } | { kind: "error"; message: string }>({ kind: "idle" });

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local = String(new FormData(e.currentTarget).get("since") ?? "");
    const since = new Date(local);
    if (!local || Number.isNaN(since.getTime())) return setState({ kind: "error", message: "Choose a date and time." });
    setState({ kind: "busy" });
    const result = await ownerFetch<{ resent: number }>(`/api/waitlists/${waitlistId}/webhooks/resend-failed`, {
      method: "POST",
      body: { since: since.toISOString() },
    });
    if (!result.ok) return setState({ kind: "error", message: result.error.message });
    setState({ kind: "done", count: result.data.resent });
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-wrap items-end gap-3" aria-label="Resend failed deliveries">
      <Field
        label="Resend every failed delivery since"
        name="since"
        type="datetime-local"
        containerClassName="w-64"
        error={state.kind === "error" ? state.message : null}
      />
      <Button type="submit" variant="secondary" disabled={state.kind === "busy"}>
        {state.kind === "busy" ? "Resending…" : "Resend failed"}
      </Button>
      {state.kind === "done" ? (
        <p role="status" className="pb-2 text-sm text-emerald-700">
          {state.count === 0 ? "No failed deliveries since then." : `${state.count} ${state.count === 1 ? "delivery" : "deliveries"} queued again.`}
        </p>
      ) : null}
    </form>
  );
}
