"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// A button that POSTs one owner action (retry an email, resend a webhook delivery), says how it went, and
// re-reads the page. `keepAfterDone`: the button stays for another go (a delivery can be resent again).

const REFRESH_AFTER_MS = 1500;

type Props = { url: string; label: string; busyLabel: string; ariaLabel: string; doneText: string; keepAfterDone?: boolean };

export function PostButton({ url, label, busyLabel, ariaLabel, doneText, keepAfterDone = false }: Props) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function post() {
    setState({ kind: "busy" });
    const result = await ownerFetch(url, { method: "POST" });
    if (!result.ok) return setState({ kind: "error", message: result.error.message });
    setState({ kind: "done" });
    // Re-read the page a moment later: the row holding this confirmation may leave the list on refresh (a
    // retried email is no longer failed), and a confirmation that vanishes at once tells the owner nothing.
    setTimeout(() => router.refresh(), REFRESH_AFTER_MS);
  }

  const done = state.kind === "done" ? <span role="status" className="text-xs text-emerald-700">{doneText}</span> : null;
  if (done && !keepAfterDone) return done;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" variant="secondary" onClick={() => void post()} disabled={state.kind === "busy"} aria-label={ariaLabel}>
        {state.kind === "busy" ? busyLabel : label}
      </Button>
      {done}
      {state.kind === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
