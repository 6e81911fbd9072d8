"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// Removing a member (owners) or leaving the team (yourself): asks first, in place. After leaving, the team is
// no longer yours to look at, so the dashboard goes back to the waitlists of the team you fall back to.

type Props = { teamId: string; userId: string; email: string; self: boolean; teamName: string };

export function RemoveMemberButton({ teamId, userId, email, self, teamName }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [asked, setAsked] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = self ? "Leave team" : "Remove";

  async function remove() {
    setPending(true);
    setError(null);
    const result = await ownerFetch(`/api/teams/${teamId}/members/${encodeURIComponent(userId)}`, { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setConfirming(false);
    if (self) router.push("/dashboard");
    router.refresh();
  }

  if (!confirming) {
    return (
      <Button
        variant="ghost"
        size="sm"
        autoFocus={asked}
        aria-label={self ? `Leave ${teamName}` : `Remove ${email}`}
        onClick={() => {
          setAsked(true);
          setConfirming(true);
        }}
      >
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={self ? `Leave ${teamName}?` : `Remove ${email}?`} className="flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-muted">
        {self ? "You lose access to this team's waitlists." : "They lose access at once; what they made stays."}
      </span>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <Button autoFocus variant="danger" size="sm" disabled={pending} onClick={() => void remove()}>
        {pending ? (self ? "Leaving…" : "Removing…") : self ? "Yes, leave" : "Yes, remove"}
      </Button>
      <Button variant="ghost" size="sm" disabled={pending} onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </div>
  );
}
