"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { WAVE_SIZE_MAX } from "@/lib/invitations/schemas";

// Invite the top N now, after a confirmation step: invitations go out by email and cannot be unsent.

export function InviteNowForm({ waitlistId, waiting }: { waitlistId: string; waiting: number }) {
  const router = useRouter();
  const [size, setSize] = useState("10");
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const n = Number(size);
  const valid = Number.isInteger(n) && n >= 1 && n <= WAVE_SIZE_MAX;

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    if (!valid) return setError(`Enter a whole number from 1 to ${WAVE_SIZE_MAX.toLocaleString("en-US")}.`);
    setError(null);
    setConfirming(true);
  }

  async function invite() {
    setPending(true);
    const result = await ownerFetch<{ invited: number }>(`/api/waitlists/${waitlistId}/invitations`, { method: "POST", body: { top: n } });
    setPending(false);
    setConfirming(false);
    if (!result.ok) return setError(result.error.message);
    const count = result.data.invited;
    setDone(count === 0 ? "Nobody was waiting, so nobody was invited." : `Invited ${count} ${count === 1 ? "person" : "people"}. Their invitations are on the way.`);
    router.refresh();
  }

  const people = Math.min(n || 0, waiting);
  return (
    <form onSubmit={ask} noValidate aria-label="Invite the top people now" className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="How many people from the top of the line"
          type="number"
          inputMode="numeric"
          min={1}
          max={WAVE_SIZE_MAX}
          value={size}
          error={error}
          containerClassName="flex-1"
          onChange={(e) => {
            setSize(e.target.value);
            setConfirming(false);
          }}
        />
        {!confirming ? (
          <Button type="submit" className="sm:mt-7" disabled={waiting === 0}>
            Invite top {valid ? n.toLocaleString("en-US") : "N"}
          </Button>
        ) : null}
      </div>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="invite-confirm-text" className="flex flex-wrap items-center gap-3 rounded-control bg-amber-50 p-3 text-sm">
          <p id="invite-confirm-text" className="flex-1 text-amber-900">
            Invite the first {people.toLocaleString("en-US")} of {waiting.toLocaleString("en-US")} waiting? Each gets the invitation email now.
          </p>
          <Button size="sm" onClick={() => void invite()} disabled={pending} autoFocus>
            {pending ? "Inviting…" : `Yes, invite ${people.toLocaleString("en-US")}`}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        </div>
      ) : null}
      {waiting === 0 ? <p className="text-sm text-muted">Nobody is waiting right now.</p> : null}
      {done ? (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      ) : null}
    </form>
  );
}
