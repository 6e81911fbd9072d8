"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { INVITE_MESSAGE_MAX, type InvitationSettings } from "@/lib/invitations/schemas";
import { SwitchField, TextAreaField } from "../settings/controls";
import { SaveFooter } from "../save-footer";

// The invitation every invited person gets (link, message, invite codes) and the zone waves run in. Its own
// form and endpoint, apart from the page settings. `readOnly` (a viewer): shown, every control disabled.

type Props = { waitlistId: string; initial: InvitationSettings; zones: string[]; readOnly: boolean };

export function InvitationSettingsForm({ waitlistId, initial, zones, readOnly }: Props) {
  const [url, setUrl] = useState(initial.invite_url ?? "");
  const [message, setMessage] = useState(initial.invite_message);
  const [requireCode, setRequireCode] = useState(initial.require_invite_code);
  const [timeZone, setTimeZone] = useState(initial.time_zone);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly) return;
    setPending(true);
    setSaved(false);
    const result = await ownerFetch(`/api/waitlists/${waitlistId}/invitation-settings`, {
      method: "PATCH",
      body: { invite_url: url.trim() === "" ? null : url.trim(), invite_message: message, require_invite_code: requireCode, time_zone: timeZone },
    });
    setPending(false);
    if (!result.ok) return setError({ message: result.error.message, field: result.error.field });
    setError(null);
    setSaved(true);
  }

  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <form onSubmit={submit} noValidate aria-label="Invitation settings">
      <fieldset disabled={readOnly} className="min-w-0 space-y-4">
        <Field
          label="Link in the invitation"
          type="url"
          placeholder="https://app.example.com/welcome"
          value={url}
          error={fieldError("invite_url")}
          hint="Where invited people start using your product (https). Leave empty for none."
          onChange={(e) => setUrl(e.target.value)}
        />
        <TextAreaField
          label="Message"
          value={message}
          maxLength={INVITE_MESSAGE_MAX}
          error={fieldError("invite_message")}
          hint="Plain text; line breaks are kept."
          onChange={(e) => setMessage(e.target.value)}
        />
        <SwitchField
          label="Give each invited person an invite code"
          hint="Shown in their email; your app can check it through the owner API."
          checked={requireCode}
          onChange={setRequireCode}
        />
        <Field
          label="Time zone"
          list="invite-time-zones"
          value={timeZone}
          error={fieldError("time_zone")}
          hint="Scheduled waves run at local times in this zone, daylight saving included."
          onChange={(e) => setTimeZone(e.target.value)}
        />
        <datalist id="invite-time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <SaveFooter error={error && !error.field ? error.message : null} pending={pending} saved={saved} label="Save invitation settings" disabled={readOnly} />
      </fieldset>
    </form>
  );
}
