"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import type { SignupRow } from "@/lib/signups/queries";
import { ExternalIdBadge } from "../features/external-id-badge";
import { AnswerCells, type AnswerColumn } from "./answer-columns";
import { SignupSource } from "./signup-source";
import { SignupStatusBadge } from "./status-badge";
import { StatusMenu } from "./status-menu";

type Props = {
  waitlistId: string;
  signup: SignupRow;
  /** After a successful change; `removed` when the person left the list. */
  onChanged: (removed: boolean) => void;
  onError: (message: string) => void;
  /** Chosen for "Invite selected" (waiting people only). */
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** The answers the owner chose to show (answer-columns.tsx). */
  answerColumns?: readonly AnswerColumn[];
  /** false for a viewer: no selection box and no actions cell (the API would refuse them). */
  canEdit: boolean;
};

// Times in UTC like the overview's chart: the same on the server render and in every browser.
const joinedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function SignupRowView({ waitlistId, signup, onChanged, onError, selected, onSelect, answerColumns = [], canEdit }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<"invite" | "remove" | null>(null);
  const url = `/api/waitlists/${waitlistId}/signups/${signup.id}`;

  async function letIn() {
    setBusy("invite");
    const result = await ownerFetch(url, { method: "PATCH", body: { status: "invited" } });
    setBusy(null);
    if (result.ok) onChanged(false);
    else onError(result.error.message);
  }

  async function remove() {
    setBusy("remove");
    const result = await ownerFetch(url, { method: "DELETE" });
    setBusy(null);
    setConfirming(false);
    if (result.ok) onChanged(true);
    else onError(result.error.message);
  }

  const details = [signup.company, signup.twitter ? `@${signup.twitter}` : null].filter(Boolean).join(" · ");

  return (
    <tr data-testid="signup-row" className="align-middle hover:bg-surface/60">
      <td className="px-4 py-3 font-medium text-ink tabular-nums">
        <span className="inline-flex items-center gap-2">
          {/* In the position cell: the column's text stays the position. */}
          {canEdit && signup.status === "waiting" ? (
            <input
              type="checkbox"
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
              aria-label={`Select ${signup.email}`}
              className="size-4 accent-brand-600"
            />
          ) : null}
          {signup.position ?? <span className="text-muted">–</span>}
        </span>
      </td>
      <td className="max-w-72 px-4 py-3">
        <p className="truncate font-medium text-ink">{signup.email}</p>
        {signup.name || details ? (
          <p className="truncate text-xs text-muted">{[signup.name, details].filter(Boolean).join(" · ")}</p>
        ) : null}
        {signup.external_id ? <ExternalIdBadge externalId={signup.external_id} /> : null}
      </td>
      <td className="hidden max-w-48 truncate px-4 py-3 text-muted md:table-cell">{signup.referred_by ?? "–"}</td>
      <td className="hidden px-4 py-3 md:table-cell">
        <SignupSource signup={signup} />
      </td>
      <td data-testid="signup-referrals" className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{signup.referrals}</td>
      <td className="hidden px-4 py-3 whitespace-nowrap text-muted lg:table-cell">
        <time dateTime={signup.joined_at}>{joinedFormat.format(new Date(signup.joined_at))} UTC</time>
      </td>
      <AnswerCells columns={answerColumns} answers={signup.answers} />
      <td className="px-4 py-3">
        <SignupStatusBadge status={signup.status} />
      </td>
      {canEdit ? (
        <td className="px-4 py-3">
          <div className="flex items-center justify-end gap-2 whitespace-nowrap">
            {confirming ? (
              <>
                <span className="text-xs text-muted">Remove from the list?</span>
                <Button
                  variant="danger"
                  size="sm"
                  disabled={busy !== null}
                  onClick={remove}
                  aria-label={`Yes, remove ${signup.email}`}
                >
                  {busy === "remove" ? "Removing…" : "Remove"}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={busy !== null}>
                  Cancel
                </Button>
              </>
            ) : (
              <>
                {signup.status === "waiting" ? (
                  <Button variant="secondary" size="sm" disabled={busy !== null} onClick={letIn} aria-label={`Let in ${signup.email}`}>
                    {busy === "invite" ? "Letting in…" : "Let in"}
                  </Button>
                ) : null}
                <StatusMenu url={url} signup={signup} onChanged={() => onChanged(false)} onError={onError} />
                <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Remove ${signup.email}`}>
                  Remove
                </Button>
              </>
            )}
          </div>
        </td>
      ) : null}
    </tr>
  );
}
