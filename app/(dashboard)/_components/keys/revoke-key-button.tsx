"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// Revoking cannot be undone and breaks whatever uses the key at once, so it asks first, in place. It names the
// team the page showed (`?team_id=`): the dashboard's current-team cookie may have been switched in another tab
// since, and the key is looked up in the team the request names.

/** The revoke request's path: the key in the page's team, never the cookie's. */
export const revokeKeyPath = (keyId: string, teamId: string) =>
  `/api/keys/${encodeURIComponent(keyId)}?team_id=${encodeURIComponent(teamId)}`;

export function RevokeKeyButton({ keyId, name, teamId }: { keyId: string; name: string; teamId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Focus follows the question: onto "Yes, revoke" when asked, back onto "Revoke" after "Keep".
  const [asked, setAsked] = useState(false);

  async function revoke() {
    setPending(true);
    setError(null);
    const result = await ownerFetch(revokeKeyPath(keyId, teamId), { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  if (!confirming) {
    return (
      <Button
        variant="ghost"
        autoFocus={asked}
        size="sm"
        aria-label={`Revoke ${name}`}
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
    <div role="group" aria-label={`Revoke ${name}?`} className="flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-muted">Anything using it stops working at once.</span>
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
