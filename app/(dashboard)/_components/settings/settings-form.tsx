"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import type { OwnedWaitlist } from "@/lib/waitlists/queries";
import { draftFromWaitlist, sameDraft, validateDraft, type FieldErrors, type SettingsDraft } from "./draft";
import { HostedPreview } from "./hosted-preview";
import { EmbedSection, FieldsSection, LimitsSection, PageSection, ThemeSection } from "./settings-sections";

/** `readOnly`: a viewer sees the settings and the preview, every control disabled and no save bar. */
type Props = { waitlist: OwnedWaitlist; branding: boolean; readOnly: boolean };

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

// Owns the draft: every keystroke re-validates with the API's schema (messages appear once a field has been
// changed, or all at once on save) and feeds the live preview. Saving is one PATCH of the whole draft.

export function SettingsForm({ waitlist, branding, readOnly }: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState<SettingsDraft>(() => draftFromWaitlist(waitlist));
  const [draft, setDraft] = useState<SettingsDraft>(saved);
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: "idle" });

  const { payload, errors: liveErrors } = validateDraft(draft);
  const dirty = !sameDraft(draft, saved);
  const visible: FieldErrors = { ...serverErrors };
  for (const [key, message] of Object.entries(liveErrors)) {
    if (showAll || [...touched].some((t) => key === t || key.startsWith(`${t}.`))) visible[key] ??= message;
  }
  const errorCount = Object.keys(visible).length;

  function update(change: (d: SettingsDraft) => SettingsDraft) {
    const next = change(draft);
    setTouched((previous) => changedKeys(previous, draft, next));
    setDraft(next);
    setServerErrors({});
    if (save.kind !== "saving") setSave({ kind: "idle" });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly) return;
    setShowAll(true);
    if (!payload) {
      setSave({ kind: "error", message: "Fix the highlighted fields, then save again." });
      return;
    }
    setSave({ kind: "saving" });
    const result = await ownerFetch<{ waitlist: OwnedWaitlist }>(`/api/waitlists/${waitlist.id}`, { method: "PATCH", body: payload });
    if (result.ok) {
      const fresh = draftFromWaitlist(result.data.waitlist);
      setSaved(fresh);
      setDraft(fresh);
      setTouched(new Set());
      setShowAll(false);
      setSave({ kind: "saved" });
      // The header (title, open/closed badge) is server-rendered: refresh it.
      router.refresh();
      return;
    }
    const { field, message } = result.error;
    if (field) setServerErrors({ [field]: message.replace(new RegExp(`^${field}: `), "") });
    setSave({ kind: "error", message: field ? "The server refused a field; see the message beside it." : message });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Waitlist settings" className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      {/* A disabled fieldset disables every control in it (the preview's own toggles stay usable). */}
      <fieldset disabled={readOnly} className="min-w-0 space-y-6">
        <PageSection draft={draft} errors={visible} update={update} />
        <ThemeSection draft={draft} errors={visible} update={update} />
        <FieldsSection draft={draft} errors={visible} update={update} />
        <LimitsSection draft={draft} errors={visible} update={update} />
        <EmbedSection draft={draft} errors={visible} update={update} />
      </fieldset>
      <div className="space-y-4 lg:sticky lg:top-24">
        <HostedPreview draft={draft} branding={branding} />
      </div>
      {readOnly ? null : (
        <div className="sticky bottom-4 z-20 lg:col-span-2">
          <div className="flex flex-wrap items-center gap-3 rounded-card border border-line bg-white/95 px-5 py-3 shadow-card backdrop-blur">
            <p role="status" className="flex-1 text-sm" data-testid="save-status">
              {save.kind === "saving" ? (
                <span className="text-muted">Saving…</span>
              ) : save.kind === "saved" && !dirty ? (
                <span className="text-emerald-700">Saved. Your hosted page shows the changes now.</span>
              ) : save.kind === "error" ? (
                <span className="text-red-700">{save.message}</span>
              ) : errorCount > 0 ? (
                <span className="text-red-700">
                  {errorCount === 1 ? "One field needs attention." : `${errorCount} fields need attention.`}
                </span>
              ) : dirty ? (
                <span className="text-ink">You have unsaved changes.</span>
              ) : (
                <span className="text-muted">All changes saved.</span>
              )}
            </p>
            <Button variant="ghost" disabled={!dirty || save.kind === "saving"} onClick={() => {
              setDraft(saved);
              setTouched(new Set());
              setShowAll(false);
              setServerErrors({});
              setSave({ kind: "idle" });
            }}>
              Discard
            </Button>
            <Button type="submit" disabled={!dirty || save.kind === "saving"}>
              {save.kind === "saving" ? "Saving…" : "Save changes"}
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}

/** Adds what differs between two drafts, at the granularity errors use ("theme.primary", "capacity"). */
function changedKeys(previous: Set<string>, before: SettingsDraft, after: SettingsDraft): Set<string> {
  const out = new Set(previous);
  for (const key of Object.keys(after) as (keyof SettingsDraft)[]) {
    const a: unknown = after[key];
    const b: unknown = before[key];
    if (a && b && typeof a === "object" && typeof b === "object") {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      for (const sub of Object.keys(x)) if (x[sub] !== y[sub]) out.add(`${key}.${sub}`);
    } else if (a !== b) {
      out.add(key);
    }
  }
  return out;
}
