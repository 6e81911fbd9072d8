"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/teams/roles";
import { INVITATION_DAYS, inviteSchema, INVITE_EMAIL_MAX } from "@/lib/teams/schemas";
import { SelectField } from "../settings/controls";

// An owner invites an address with a role; the link goes by email to that address only (the answer never
// carries it). Inviting an address again sends a fresh link and retires the older one.

export function InviteForm({ teamId, perDay }: { teamId: string; perDay: number }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [errors, setErrors] = useState<{ email?: string; role?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    const parsed = inviteSchema.safeParse({ email, role });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setErrors({ [issue?.path[0] === "role" ? "role" : "email"]: issue?.message });
    }
    setPending(true);
    setErrors({});
    const result = await ownerFetch<{ resent: boolean }>(`/api/teams/${teamId}/invitations`, { method: "POST", body: parsed.data });
    setPending(false);
    if (!result.ok) {
      const { field, message } = result.error;
      return setErrors(field === "email" || field === "role" ? { [field]: message } : { form: message });
    }
    setSent(`${result.data.resent ? "A fresh invitation" : "An invitation"} is on its way to ${parsed.data.email}.`);
    setEmail("");
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Invite someone to the team">
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field
          label="Email address"
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          maxLength={INVITE_EMAIL_MAX + 20}
          placeholder="teammate@company.com"
          error={errors.email}
          required
          onChange={(e) => {
            setEmail(e.target.value);
            setErrors((s) => ({ ...s, email: undefined }));
          }}
        />
        <SelectField label="Role" name="role" value={role} error={errors.role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="text-xs text-muted">
        {ROLE_LABELS[role]}: {ROLE_DESCRIPTIONS[role]} The link works once, for {INVITATION_DAYS} days, and only for this
        address. Up to {perDay} invitations a day.
      </p>
      {errors.form ? <FormAlert testId="invite-error">{errors.form}</FormAlert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
        {sent ? (
          <p role="status" className="text-sm text-emerald-700" data-testid="invite-sent">
            {sent}
          </p>
        ) : null}
      </div>
    </form>
  );
}
