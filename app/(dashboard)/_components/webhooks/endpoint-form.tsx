"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/webhooks/schemas";
import { SecretReveal } from "./secret-reveal";

// Add an endpoint, or edit one (`endpoint` given): URL, description, the events it receives, enabled. A new
// endpoint's signing secret is shown once, right here.

type Existing = { id: string; url: string; description: string; events: string[]; enabled: boolean };
type Errors = { url?: string; description?: string; events?: string; form?: string };

export function EndpointForm({ waitlistId, endpoint, onDone }: { waitlistId: string; endpoint?: Existing; onDone?: () => void }) {
  const router = useRouter();
  const [events, setEvents] = useState<Set<string>>(new Set(endpoint?.events ?? ["signup.created"]));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const prefix = endpoint ? `edit-${endpoint.id}` : "new";

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const body = {
      url: String(form.get("url") ?? ""),
      description: String(form.get("description") ?? ""),
      events: WEBHOOK_EVENTS.filter((t) => events.has(t)),
      enabled: form.get("enabled") === "on",
    };
    if (body.events.length === 0) return setErrors({ events: "Choose at least one event." });
    setBusy(true);
    setErrors({});
    const path = endpoint ? `/api/waitlists/${waitlistId}/webhooks/${endpoint.id}` : `/api/waitlists/${waitlistId}/webhooks`;
    const result = await ownerFetch<{ secret?: string }>(path, { method: endpoint ? "PATCH" : "POST", body });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field as keyof Errors | undefined;
      return setErrors(field && ["url", "description", "events"].includes(field) ? { [field]: result.error.message } : { form: result.error.message });
    }
    if (result.data.secret) setSecret(result.data.secret);
    else onDone?.();
    if (!endpoint) formElement.reset();
    router.refresh();
  }

  function toggle(type: WebhookEventType, on: boolean) {
    const next = new Set(events);
    if (on) next.add(type);
    else next.delete(type);
    setEvents(next);
  }

  if (secret) {
    return (
      <SecretReveal secret={secret} onClose={() => setSecret(null)}>
        Endpoint added. Copy its signing secret now: it is not shown again.
      </SecretReveal>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate aria-label={endpoint ? "Edit endpoint" : "Add an endpoint"}>
      <Field
        label="Endpoint URL"
        name="url"
        type="url"
        required
        defaultValue={endpoint?.url}
        placeholder="https://example.com/webhooks/waitforge"
        error={errors.url}
        hint="https only; internal and private addresses are refused."
      />
      <Field label="Description" name="description" defaultValue={endpoint?.description} maxLength={200} error={errors.description} />
      <fieldset aria-describedby={errors.events ? `${prefix}-events-error` : undefined}>
        <legend className="text-sm font-medium text-ink">Events</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 size-4 rounded border-zinc-300 text-brand-600 focus-visible:outline-brand-600"
                checked={events.has(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />
              <span>
                <code className="font-mono text-xs text-ink">{type}</code>
                <span className="block text-xs text-muted">{EVENT_LABELS[type]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.events ? (
          <p id={`${prefix}-events-error`} role="alert" className="mt-1 text-sm text-red-700">
            {errors.events}
          </p>
        ) : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-ink">
        <input type="checkbox" name="enabled" defaultChecked={endpoint?.enabled ?? true} className="size-4 rounded border-zinc-300" />
        Enabled
      </label>
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : endpoint ? "Save endpoint" : "Add endpoint"}
        </Button>
        {onDone ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
