"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { createTeamSchema, TEAM_NAME_MAX } from "@/lib/teams/schemas";

// Creates a team (the API makes it the current one) and goes on to its members page to invite people.

export function CreateTeamForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<{ name?: string; form?: string }>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createTeamSchema.safeParse({ name });
    if (!parsed.success) return setErrors({ name: parsed.error.issues[0]?.message });
    setPending(true);
    setErrors({});
    const result = await ownerFetch<{ team: { id: string } }>("/api/teams", { method: "POST", body: parsed.data });
    if (!result.ok) {
      setPending(false);
      const { field, message } = result.error;
      return setErrors(field === "name" ? { name: message } : { form: message });
    }
    router.push("/dashboard/team");
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Create a team">
      <Field
        label="Team name"
        name="name"
        value={name}
        maxLength={TEAM_NAME_MAX + 20}
        placeholder="Acme launch crew"
        hint="Shown to members and in invitation emails. You can rename it later."
        error={errors.name}
        required
        autoFocus
        onChange={(e) => {
          setName(e.target.value);
          setErrors((s) => ({ ...s, name: undefined }));
        }}
      />
      {errors.form ? <FormAlert testId="create-team-error">{errors.form}</FormAlert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
