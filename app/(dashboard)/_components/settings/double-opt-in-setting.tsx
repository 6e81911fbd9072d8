"use client";

import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import type { OwnedWaitlist } from "@/lib/waitlists/queries";
import { SwitchField } from "./controls";

// Double opt-in on its own card, saved the moment it is switched: it changes what happens to the next
// signup, not how the page looks, so it stays out of the page draft and its preview.

export function DoubleOptInSetting({ id, enabled, readOnly }: { id: string; enabled: boolean; readOnly: boolean }) {
  const [on, setOn] = useState(enabled);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(next: boolean) {
    // The switch moves at once; a refused save puts it back and says why.
    setOn(next);
    setSaving(true);
    setError(null);
    const result = await ownerFetch<{ waitlist: OwnedWaitlist }>(`/api/waitlists/${id}`, {
      method: "PATCH",
      body: { double_opt_in: next },
    });
    setSaving(false);
    if (result.ok) setOn(result.data.waitlist.double_opt_in);
    else {
      setOn(!next);
      setError(result.error.message);
    }
  }

  return (
    <Card data-testid="double-opt-in-setting">
      <CardHeader>
        <CardTitle>Email confirmation</CardTitle>
        <CardDescription>
          New signups get an email with a confirmation link. Until they click it they are pending: no place in line,
          not in the CSV export, and friends who join with their link don&apos;t count. People already on the list
          are not affected.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <SwitchField
          label="Require email confirmation (double opt-in)"
          hint={saving ? "Saving…" : on ? "On: new signups confirm their email first." : "Off: new signups get a place at once."}
          checked={on}
          disabled={saving || readOnly}
          onChange={(next) => void change(next)}
        />
        {error ? <FormAlert>{error}</FormAlert> : null}
      </CardContent>
    </Card>
  );
}
