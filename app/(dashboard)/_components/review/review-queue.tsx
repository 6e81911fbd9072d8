"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import type { HeldSignup } from "@/lib/review/queries";

// The held credits with a checkbox each, and the two bulk decisions: approve (the referrer gets the credit)
// or reject (the person is removed from the list; asked first, since it cannot be undone from here).

type Action = "approve" | "reject";
type Outcome =
  { kind: "idle" } | { kind: "busy"; action: Action } | { kind: "confirm" } | { kind: "error"; message: string };

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

function announce(action: Action, asked: number, changed: number): string {
  const done =
    action === "approve"
      ? `Approved the credit of ${people(changed)}.`
      : `Rejected ${people(changed)}: removed from the list.`;
  return changed < asked ? `${done} ${people(asked - changed)} no longer held, so left as they were.` : done;
}

type Props = {
  waitlistId: string;
  held: HeldSignup[];
  empty: ReactNode;
  /** false for a viewer: the held credits are listed, without checkboxes or decisions. */
  canEdit: boolean;
};

export function ReviewQueue({ waitlistId, held, empty, canEdit }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [message, setMessage] = useState("");
  // Rows that left the queue since the last refresh (the server's list catches up with router.refresh()).
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const rows = held.filter((h) => !gone.has(h.id));
  const chosen = rows.filter((h) => selected.has(h.id)).map((h) => h.id);
  const all = rows.length > 0 && chosen.length === rows.length;
  const busy = outcome.kind === "busy";

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  async function decide(action: Action) {
    setOutcome({ kind: "busy", action });
    setMessage("");
    const result = await ownerFetch<{ changed: string[] }>(`/api/waitlists/${waitlistId}/review`, {
      method: "POST",
      body: { action, ids: chosen },
    });
    if (!result.ok) return setOutcome({ kind: "error", message: result.error.message });
    setGone(new Set([...gone, ...chosen]));
    setSelected(new Set());
    setOutcome({ kind: "idle" });
    setMessage(announce(action, chosen.length, result.data.changed.length));
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <p role="status" className="text-sm text-emerald-700" data-testid="review-result">
        {message}
      </p>
      {rows.length === 0 ? (
        empty
      ) : (
        <>
          {canEdit ? (
            <div className="flex flex-wrap items-center gap-3" role="group" aria-label="Decide on the selected signups">
              <Button size="sm" disabled={chosen.length === 0 || busy} onClick={() => void decide("approve")}>
                {outcome.kind === "busy" && outcome.action === "approve" ? "Approving…" : "Approve credit"}
              </Button>
              <Button
                size="sm"
                variant="danger"
                disabled={chosen.length === 0 || busy}
                onClick={() => setOutcome({ kind: "confirm" })}
              >
                Reject (remove)
              </Button>
              <span className="text-sm text-muted" aria-live="polite">
                {chosen.length > 0 ? `${people(chosen.length)} selected` : "Select people to decide on"}
              </span>
            </div>
          ) : null}
          {outcome.kind === "confirm" ? (
            <div
              role="alertdialog"
              aria-labelledby="reject-question"
              className="rounded-lg border border-red-200 bg-red-50 p-4"
            >
              <p id="reject-question" className="text-sm text-red-900">
                Remove {people(chosen.length)} from the list? Their referrer gets no credit, and they lose their place.
              </p>
              <div className="mt-3 flex gap-3">
                <Button size="sm" variant="danger" autoFocus onClick={() => void decide("reject")}>
                  Yes, reject {people(chosen.length)}
                </Button>
                <Button size="sm" variant="secondary" onClick={() => setOutcome({ kind: "idle" })}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : null}
          {outcome.kind === "error" ? <FormAlert>{outcome.message}</FormAlert> : null}
          <Card className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="held-signups">
              <caption className="sr-only">Signups whose referral credit is held for review</caption>
              <thead className="bg-surface text-xs text-muted">
                <tr>
                  {canEdit ? (
                    <th className="w-10 px-4 py-2">
                      <input
                        type="checkbox"
                        aria-label="Select all"
                        checked={all}
                        disabled={rows.length === 0}
                        onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((h) => h.id)) : new Set())}
                      />
                    </th>
                  ) : null}
                  {["Email", "Joined (UTC)", "Why held", "Network", "Referrer"].map((h) => (
                    <th key={h} className="px-4 py-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((h) => (
                  <tr key={h.id} className="border-t border-line align-top" data-testid="held-row">
                    {canEdit ? (
                      <td className="px-4 py-3">
                        <input
                          type="checkbox"
                          aria-label={`Select ${h.email}`}
                          checked={selected.has(h.id)}
                          onChange={(e) => toggle(h.id, e.target.checked)}
                        />
                      </td>
                    ) : null}
                    <td className="px-4 py-3 break-all text-ink">{h.email}</td>
                    <td className="px-4 py-3 whitespace-nowrap text-muted">{when(h.joined_at)}</td>
                    <td className="max-w-xs px-4 py-3 text-muted">{h.reason_text}</td>
                    <td className="px-4 py-3 font-mono text-xs text-muted">{h.network ?? "unknown"}</td>
                    <td className="px-4 py-3">
                      {h.referrer ? (
                        <>
                          <span className="break-all text-ink">{h.referrer.email}</span>
                          <span className="block text-xs text-muted" data-testid="referrer-counts">
                            {h.referrer.referrals} referrals credited · {h.referrer.held} held
                          </span>
                        </>
                      ) : (
                        <span className="text-muted">none</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </>
      )}
    </div>
  );
}
