"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// "Invite selected": the chosen waiting people, in one invitation (each gets the email), after a confirmation.

type Props = { waitlistId: string; ids: string[]; onInvited: () => void; onError: (message: string) => void; onClear: () => void };

export function InviteSelected({ waitlistId, ids, onInvited, onError, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  if (ids.length === 0) return null;
  const people = `${ids.length} ${ids.length === 1 ? "person" : "people"}`;

  async function invite() {
    setPending(true);
    const result = await ownerFetch(`/api/waitlists/${waitlistId}/invitations`, { method: "POST", body: { signup_ids: ids } });
    setPending(false);
    setConfirming(false);
    if (result.ok) onInvited();
    else onError(result.error.message);
  }

  return (
    <div role="region" aria-label="Selected people" className="flex flex-wrap items-center gap-3 rounded-control bg-brand-50 px-4 py-2 text-sm">
      <p className="flex-1 text-brand-900">
        {confirming ? `Invite ${people}? Each gets the invitation email now.` : `${people} selected`}
      </p>
      {confirming ? (
        <>
          <Button size="sm" onClick={() => void invite()} disabled={pending} autoFocus>
            {pending ? "Inviting…" : `Yes, invite ${people}`}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        </>
      ) : (
        <>
          <Button size="sm" onClick={() => setConfirming(true)}>
            Invite selected
          </Button>
          <Button size="sm" variant="ghost" onClick={onClear}>
            Clear
          </Button>
        </>
      )}
    </div>
  );
}
