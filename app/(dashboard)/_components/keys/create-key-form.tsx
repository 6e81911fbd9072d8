"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { createKeySchema, KEY_NAME_MAX, type ApiKeyView } from "@/lib/keys/schemas";
import { cn } from "@/lib/ui/cn";
import { NewKeySecret } from "./new-key-secret";

// Creates a key of the team the page shows (named explicitly, so a team switched in another tab meanwhile
// cannot receive it) and shows its secret once: the API answers it in this one response and keeps only its hash.

type Scope = "read" | "write";
const SCOPES: { value: Scope; label: string; hint: string }[] = [
  { value: "read", label: "Read-only", hint: "GET requests only: lists, people, stats, exports." },
  { value: "write", label: "Read and write", hint: "What an admin can do in the dashboard, except managing keys." },
];

export function CreateKeyForm({ teamId }: { teamId: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Scope>("read");
  const [errors, setErrors] = useState<{ name?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ key: ApiKeyView; secret: string } | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createKeySchema.safeParse({ name, scope, team_id: teamId });
    if (!parsed.success) {
      setErrors({ name: parsed.error.issues.find((i) => i.path[0] === "name")?.message, form: undefined });
      return;
    }
    setPending(true);
    setErrors({});
    const result = await ownerFetch<{ key: ApiKeyView; secret: string }>("/api/keys", { method: "POST", body: parsed.data });
    setPending(false);
    if (!result.ok) {
      const { field, message } = result.error;
      setErrors(field === "name" ? { name: message } : { form: message });
      return;
    }
    setCreated(result.data);
    setName("");
    router.refresh();
  }

  if (created) {
    return <NewKeySecret name={created.key.name} secret={created.secret} onDone={() => setCreated(null)} />;
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Create an API key">
      <Field
        label="Name"
        name="name"
        value={name}
        maxLength={KEY_NAME_MAX + 20}
        placeholder="Production server"
        hint="To recognise the key later, e.g. where it is used."
        error={errors.name}
        required
        onChange={(e) => {
          setName(e.target.value);
          setErrors((s) => ({ ...s, name: undefined }));
        }}
      />
      <fieldset>
        <legend className="text-sm font-medium text-ink">Access</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {SCOPES.map((s) => (
            <label
              key={s.value}
              className={cn(
                "flex cursor-pointer gap-3 rounded-control p-3 ring-1 focus-within:ring-2 focus-within:ring-brand-500",
                scope === s.value ? "bg-brand-50 ring-brand-300" : "bg-white ring-zinc-300 hover:bg-surface",
              )}
            >
              <input type="radio" name="scope" value={s.value} checked={scope === s.value} onChange={() => setScope(s.value)} className="mt-1" />
              <span>
                <span className="block text-sm font-medium text-ink">{s.label}</span>
                <span className="block text-xs text-muted">{s.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {errors.form ? <FormAlert testId="create-key-error">{errors.form}</FormAlert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create key"}
      </Button>
    </form>
  );
}
