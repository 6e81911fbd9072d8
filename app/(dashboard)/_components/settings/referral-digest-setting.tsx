"use client";

import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import type { OwnedWaitlist } from "@/lib/waitlists/queries";
import { SwitchField } from "./controls";

// The "friends joined" digest switch, saved on its own (one PATCH per flip) rather than with the page form:
// it changes who gets mail, not how the page looks.

export function ReferralDigestSetting({ waitlistId, enabled, readOnly }: { waitlistId: string; enabled: boolean; readOnly: boolean }) {
  const [on, setOn] = useState(enabled);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function flip(next: boolean) {
    setOn(next);
    setState({ kind: "saving" });
    const result = await ownerFetch<{ waitlist: OwnedWaitlist }>(`/api/waitlists/${waitlistId}`, {
      method: "PATCH",
      body: { referral_digest: next },
    });
    if (result.ok) {
      setOn(result.data.waitlist.referral_digest);
      return setState({ kind: "saved" });
    }
    setOn(!next);
    setState({ kind: "error", message: result.error.message });
  }

  return (
    <Card data-testid="referral-digest-setting">
      <CardHeader>
        <CardTitle>Referral emails</CardTitle>
        <CardDescription>Tell people when their sharing pays off. Unsubscribed people never get it.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-2">
        <SwitchField
          label="Email people when friends join through their link (at most daily)"
          hint="One email a day at most: how many friends joined and how far they moved up. Referrals from before you turn this on are not announced."
          checked={on}
          disabled={state.kind === "saving" || readOnly}
          onChange={(next) => void flip(next)}
        />
        <p role="status" className="min-h-5 text-xs text-muted">
          {state.kind === "saving" ? "Saving…" : state.kind === "saved" ? "Saved." : null}
        </p>
        {state.kind === "error" ? (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
