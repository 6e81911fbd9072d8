"use client";

import { useState } from "react";
import { inputClasses } from "@/components/ui/input";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import type { SignupRow } from "@/lib/signups/queries";
import { cn } from "@/lib/ui/cn";

// The status changes that make sense from a person's current status (the keeper enforces the same rules).

const MOVES: Record<SignupRow["status"], { status: string; label: string }[]> = {
  pending: [{ status: "removed", label: "Mark removed" }],
  waiting: [
    { status: "joined", label: "Mark joined" },
    { status: "removed", label: "Mark removed" },
  ],
  invited: [
    { status: "joined", label: "Mark joined" },
    { status: "waiting", label: "Back in line" },
    { status: "removed", label: "Mark removed" },
  ],
  joined: [
    { status: "waiting", label: "Back in line" },
    { status: "removed", label: "Mark removed" },
  ],
  removed: [{ status: "waiting", label: "Back in line" }],
};

type Props = { url: string; signup: SignupRow; onChanged: () => void; onError: (message: string) => void };

export function StatusMenu({ url, signup, onChanged, onError }: Props) {
  const [busy, setBusy] = useState(false);

  async function change(status: string) {
    if (!status) return;
    setBusy(true);
    const result = await ownerFetch(url, { method: "PATCH", body: { status } });
    setBusy(false);
    if (result.ok) onChanged();
    else onError(result.error.message);
  }

  return (
    <select
      aria-label={`Change the status of ${signup.email}`}
      value=""
      disabled={busy}
      onChange={(e) => void change(e.target.value)}
      className={cn(inputClasses, "h-8 w-auto min-w-32 shrink-0 py-0 pr-8 text-xs")}
    >
      <option value="">{busy ? "Saving…" : "Status…"}</option>
      {MOVES[signup.status].map((m) => (
        <option key={m.status} value={m.status}>
          {m.label}
        </option>
      ))}
    </select>
  );
}
