"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// One failed email's Retry: puts the job back in the queue, then re-reads the page (the row leaves the list).

export function RetryButton({ waitlistId, jobId, recipient }: { waitlistId: string; jobId: string; recipient: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function retry() {
    setState({ kind: "busy" });
    const result = await ownerFetch(`/api/waitlists/${waitlistId}/jobs/${jobId}/retry`, { method: "POST" });
    if (!result.ok) return setState({ kind: "error", message: result.error.message });
    setState({ kind: "done" });
    router.refresh();
  }

  if (state.kind === "done") return <span role="status" className="text-sm text-emerald-700">Queued again</span>;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" variant="secondary" onClick={() => void retry()} disabled={state.kind === "busy"} aria-label={`Retry the email to ${recipient}`}>
        {state.kind === "busy" ? "Retrying…" : "Retry"}
      </Button>
      {state.kind === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
