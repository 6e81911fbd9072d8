"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { TEAM_NAME_MAX, updateTeamSchema } from "@/lib/teams/schemas";
import { SaveFooter } from "../save-footer";
import { SwitchField } from "../settings/controls";

// The team's own settings, for its owners: its name, and whether viewers may download personal data (the CSV).

export function TeamSettingsForm({ teamId, name: initialName, viewersCanExport }: { teamId: string; name: string; viewersCanExport: boolean }) {
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [exportAllowed, setExportAllowed] = useState(viewersCanExport);
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateTeamSchema.safeParse({ name, viewers_can_export: exportAllowed });
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message);
    setPending(true);
    setError(null);
    setSaved(false);
    const result = await ownerFetch(`/api/teams/${teamId}`, { method: "PATCH", body: parsed.data });
    setPending(false);
    if (!result.ok) {
      if (result.error.field === "name") setNameError(result.error.message);
      else setError(result.error.message);
      return;
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Team settings">
      <Field
        label="Team name"
        name="name"
        value={name}
        maxLength={TEAM_NAME_MAX + 20}
        error={nameError}
        required
        onChange={(e) => {
          setName(e.target.value);
          setNameError(undefined);
          setSaved(false);
        }}
      />
      <SwitchField
        label="Viewers can export personal data"
        hint="Lets viewers download the CSV of a waitlist's signups (emails, names, answers). Admins and owners always can."
        checked={exportAllowed}
        onChange={(checked) => {
          setExportAllowed(checked);
          setSaved(false);
        }}
      />
      <SaveFooter error={error} pending={pending} saved={saved} label="Save team settings" />
    </form>
  );
}
