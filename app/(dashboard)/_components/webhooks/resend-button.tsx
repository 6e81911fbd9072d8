"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// Resend one delivery: back in line as pending (same webhook-id), then the page re-reads the log.

export function ResendButton({ waitlistId, deliveryId, label }: { waitlistId: string; deliveryId: string; label: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function resend() {
    setState({ kind: "busy" });
    const result = await ownerFetch(`/api/waitlists/${waitlistId}/webhooks/deliveries/${deliveryId}/resend`, { method: "POST" });
    if (!result.ok) return setState({ kind: "error", message: result.error.message });
    setState({ kind: "done" });
    router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" variant="secondary" onClick={() => void resend()} disabled={state.kind === "busy"} aria-label={`Resend ${label}`}>
        {state.kind === "busy" ? "Resending…" : "Resend"}
      </Button>
      {state.kind === "done" ? (
        <span role="status" className="text-xs text-emerald-700">
          Queued again
        </span>
      ) : null}
      {state.kind === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
