"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";

// Accepts the invitation (POST /api/invitations/accept, which also makes the team the dashboard's current one)
// and goes to the dashboard. A refusal (used meanwhile, revoked, another account) is shown in place.

export function AcceptInvitationButton({ token, teamName }: { token: string; teamName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setPending(true);
    setError(null);
    const result = await ownerFetch("/api/invitations/accept", { method: "POST", body: { token } });
    if (!result.ok) {
      setPending(false);
      return setError(result.error.message);
    }
    router.push("/dashboard");
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {error ? <FormAlert testId="accept-error">{error}</FormAlert> : null}
      <Button size="lg" className="w-full" disabled={pending} onClick={() => void accept()} aria-label={`Accept the invitation to ${teamName}`}>
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </div>
  );
}
