"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// Revokes a pending invitation after asking: the emailed link stops working at once.

export function RevokeInvitationButton({ teamId, invitationId, email }: { teamId: string; invitationId: string; email: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [asked, setAsked] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    setError(null);
    const result = await ownerFetch(`/api/teams/${teamId}/invitations/${invitationId}`, { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  if (!confirming) {
    return (
      <Button
        variant="ghost"
        size="sm"
        autoFocus={asked}
        aria-label={`Revoke the invitation of ${email}`}
        onClick={() => {
          setAsked(true);
          setConfirming(true);
        }}
      >
        Revoke
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Revoke the invitation of ${email}?`} className="flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-muted">The emailed link stops working.</span>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <Button autoFocus variant="danger" size="sm" disabled={pending} onClick={() => void revoke()}>
        {pending ? "Revoking…" : "Yes, revoke"}
      </Button>
      <Button variant="ghost" size="sm" disabled={pending} onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </div>
  );
}
