"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ThemeDraft } from "@/components/hosted/theme-style";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { MAX_ACTIVE_FIELDS, isConditionSource, type FieldDefinition } from "@/lib/fields/definitions";
import { fieldListSchema } from "@/lib/fields/schemas";
import { indexOfPath, newDraft, toDefinition, toDraft, toInput, type Draft } from "./draft";
import { QuestionCard } from "./question-card";
import { QuestionsPreview } from "./questions-preview";

// The owner's questions (docs/custom-fields.md): add, reorder, edit, archive and restore, with the live form
// beside them. The list is checked with the server's own schema before it is sent (PUT /api/waitlists/:id/fields).

/** `readOnly` (a viewer): the questions and the preview, every control of the editor disabled. */
type Props = { waitlistId: string; initial: FieldDefinition[]; theme: ThemeDraft; title: string; branding: boolean; readOnly: boolean };

export function QuestionsEditor({ waitlistId, initial, theme, title, branding, readOnly }: Props) {
  const [drafts, setDrafts] = useState<Draft[]>(() => initial.map(toDraft));
  const [error, setError] = useState<{ message: string; index: number | null } | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const active = drafts.filter((d) => !d.archived);
  const archived = drafts.filter((d) => d.archived);

  function update(id: string, patch: Partial<Draft>) {
    setSaved(false);
    setDrafts((list) => list.map((d) => (d.id === id ? { ...d, ...patch } : d)));
  }
  function move(id: string, by: -1 | 1) {
    setSaved(false);
    setDrafts((list) => {
      const act = list.filter((d) => !d.archived);
      const at = act.findIndex((d) => d.id === id);
      const other = act[at + by];
      const self = act[at];
      if (!other || !self) return list;
      act[at] = other;
      act[at + by] = self;
      return [...act, ...list.filter((d) => d.archived)];
    });
  }
  function archive(d: Draft) {
    setSaved(false);
    // A question never saved has no answers to keep: it just goes.
    setDrafts((list) => (d.saved ? list.map((x) => (x.id === d.id ? { ...x, archived: true, requirement: plain(x) } : x)) : list.filter((x) => x.id !== d.id)));
  }

  async function save() {
    if (readOnly) return;
    const ordered = [...active, ...archived];
    const local = fieldListSchema.safeParse(ordered.map(toInput));
    if (!local.success) {
      const issue = local.error.issues[0];
      const index = typeof issue?.path[0] === "number" ? issue.path[0] : null;
      return setError({ message: issue?.message ?? "Check the questions.", index });
    }
    setPending(true);
    const result = await ownerFetch<{ fields: FieldDefinition[] }>(`/api/waitlists/${waitlistId}/fields`, {
      method: "PUT",
      body: { fields: ordered.map(toInput) },
    });
    setPending(false);
    if (!result.ok) return setError({ message: result.error.message, index: indexOfPath(result.error.field) });
    setDrafts(result.data.fields.map(toDraft));
    setError(null);
    setSaved(true);
  }

  const errorAt = (i: number) => (error && error.index === i ? error.message : null);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_380px]">
      <fieldset disabled={readOnly} className="min-w-0 space-y-4">
        {active.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line p-6 text-center text-sm text-muted">
            No questions yet: people sign up with their email (and the fields switched on in Settings). Add up to {MAX_ACTIVE_FIELDS}.
          </p>
        ) : (
          <ol className="space-y-4">
            {active.map((d, i) => (
              <QuestionCard
                key={d.id}
                draft={d}
                index={i}
                count={active.length}
                sources={active.slice(0, i).filter((s) => isConditionSource(s.type))}
                error={errorAt(i)}
                onChange={(patch) => update(d.id, patch)}
                onMove={(by) => move(d.id, by)}
                onArchive={() => archive(d)}
              />
            ))}
          </ol>
        )}
        {error && error.index === null ? <FormAlert>{error.message}</FormAlert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" disabled={readOnly || active.length >= MAX_ACTIVE_FIELDS} onClick={() => setDrafts((l) => [...l.filter((d) => !d.archived), newDraft(), ...l.filter((d) => d.archived)])}>
            Add a question
          </Button>
          <Button type="button" onClick={() => void save()} disabled={pending || readOnly} aria-disabled={pending || readOnly}>
            {pending ? "Saving…" : "Save questions"}
          </Button>
          <p aria-live="polite" className="text-sm text-emerald-700">{saved ? "Saved. The form shows them now." : ""}</p>
        </div>
        {archived.length > 0 ? (
          <section aria-labelledby="archived-questions" className="rounded-xl border border-line bg-surface p-4">
            <h3 id="archived-questions" className="text-sm font-semibold text-ink">Archived questions</h3>
            <p className="text-xs text-muted">No longer asked. Their answers stay in the table, the API and the CSV.</p>
            <ul className="mt-3 space-y-2">
              {archived.map((d) => (
                <li key={d.id} className="flex items-center justify-between gap-3 text-sm">
                  <span>{d.label}</span>
                  <Button type="button" variant="ghost" size="sm" disabled={active.length >= MAX_ACTIVE_FIELDS} onClick={() => setDrafts((l) => [...l.filter((x) => !x.archived), { ...d, archived: false }, ...l.filter((x) => x.archived && x.id !== d.id)])}>
                    Restore
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </fieldset>
      <div className="lg:sticky lg:top-6 lg:self-start">
        <p className="mb-2 text-sm font-medium text-ink">Live preview</p>
        <QuestionsPreview theme={theme} title={title} branding={branding} fields={active.map(toDefinition)} />
      </div>
    </div>
  );
}

/** An archived question keeps no rule: what it pointed at may be archived or gone later. */
function plain(d: Draft): Draft["requirement"] {
  return typeof d.requirement === "object" ? "required" : d.requirement;
}
