"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TEXT_CAPS, conditionOf, isChoiceType, isTextType, type Requirement } from "@/lib/fields/definitions";
import { SelectField, TextAreaField } from "../settings/controls";
import { TYPES, TYPE_LABELS, lines, type Draft } from "./draft";

// One question in the editor: what it asks, its type (fixed once saved), bounds, options and when it is
// required. "Required when" offers only earlier choice and checkbox questions, the rule the server enforces.

type Props = {
  draft: Draft;
  index: number;
  count: number;
  /** Earlier active questions a condition may point at. */
  sources: readonly Draft[];
  error: string | null;
  onChange: (patch: Partial<Draft>) => void;
  onMove: (by: -1 | 1) => void;
  onArchive: () => void;
};

const numberOrNull = (v: string) => (v.trim() === "" || Number.isNaN(Number(v)) ? null : Number(v));

export function QuestionCard({ draft, index, count, sources, error, onChange, onMove, onArchive }: Props) {
  const condition = conditionOf(draft);
  const mode = condition ? "when" : String(draft.requirement);
  const source = condition ? sources.find((s) => s.id === condition.field) : undefined;
  const name = draft.label.trim() || `Question ${index + 1}`;

  function setMode(value: string) {
    if (value !== "when") return onChange({ requirement: value as Requirement });
    const first = sources[0];
    if (!first) return;
    onChange({ requirement: { required_when: { field: first.id, equals: first.type === "checkbox" ? true : (lines(first.choicesText)[0] ?? "") } } });
  }
  function setSource(id: string) {
    const s = sources.find((x) => x.id === id);
    if (s) onChange({ requirement: { required_when: { field: s.id, equals: s.type === "checkbox" ? true : (lines(s.choicesText)[0] ?? "") } } });
  }

  return (
    <li className="rounded-xl border border-line bg-white p-4 shadow-xs" aria-label={name} data-testid="question-card">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-semibold text-ink">{index + 1}. {name}</p>
        <div className="flex gap-1">
          <Button type="button" variant="ghost" size="sm" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move "${name}" up`}>↑</Button>
          <Button type="button" variant="ghost" size="sm" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move "${name}" down`}>↓</Button>
          <Button type="button" variant="ghost" size="sm" onClick={onArchive}>{draft.saved ? "Archive" : "Remove"}</Button>
        </div>
      </div>
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <Field label="Question" value={draft.label} maxLength={80} required onChange={(e) => onChange({ label: e.target.value })} />
        <SelectField
          label="Answer type"
          value={draft.type}
          disabled={draft.saved}
          hint={draft.saved ? "Fixed once saved, so earlier answers keep their meaning." : undefined}
          onChange={(e) => onChange({ type: e.target.value as Draft["type"] })}
        >
          {TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
        </SelectField>
        <Field label="Help text" value={draft.help} maxLength={200} onChange={(e) => onChange({ help: e.target.value })} />
        {draft.type === "checkbox" || draft.type === "multiple_choice" ? null : (
          <Field label="Placeholder" value={draft.placeholder} maxLength={80} onChange={(e) => onChange({ placeholder: e.target.value })} />
        )}
        {isChoiceType(draft.type) ? (
          <TextAreaField label="Options" hint="One per line, at most 20." value={draft.choicesText} onChange={(e) => onChange({ choicesText: e.target.value })} />
        ) : null}
        {isTextType(draft.type) ? (
          <>
            <Field label="Shortest answer (characters)" inputMode="numeric" value={draft.min_length ?? ""} onChange={(e) => onChange({ min_length: numberOrNull(e.target.value) })} />
            <Field label="Longest answer (characters)" inputMode="numeric" placeholder={String(TEXT_CAPS[draft.type].default)} hint={`At most ${TEXT_CAPS[draft.type].cap}.`} value={draft.max_length ?? ""} onChange={(e) => onChange({ max_length: numberOrNull(e.target.value) })} />
          </>
        ) : null}
        {draft.type === "number" ? (
          <>
            <Field label="Smallest value" inputMode="decimal" value={draft.min ?? ""} onChange={(e) => onChange({ min: numberOrNull(e.target.value) })} />
            <Field label="Largest value" inputMode="decimal" value={draft.max ?? ""} onChange={(e) => onChange({ max: numberOrNull(e.target.value) })} />
          </>
        ) : null}
        <SelectField label="Answer is" value={mode} onChange={(e) => setMode(e.target.value)}>
          <option value="optional">Optional</option>
          <option value="required">Required</option>
          <option value="when" disabled={sources.length === 0}>Required when another answer is…</option>
        </SelectField>
        {condition ? (
          <div className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
            <SelectField label="When the answer to" value={condition.field} onChange={(e) => setSource(e.target.value)}>
              {sources.map((s) => <option key={s.id} value={s.id}>{s.label.trim() || s.id}</option>)}
            </SelectField>
            <SelectField
              label="is"
              value={String(condition.equals)}
              hint="Until then the question is hidden, and any answer to it is not kept."
              onChange={(e) => onChange({ requirement: { required_when: { field: condition.field, equals: source?.type === "checkbox" ? e.target.value === "true" : e.target.value } } })}
            >
              {source?.type === "checkbox"
                ? [<option key="t" value="true">ticked</option>, <option key="f" value="false">not ticked</option>]
                : lines(source?.choicesText ?? "").map((c) => <option key={c} value={c}>{c}</option>)}
            </SelectField>
          </div>
        ) : null}
      </div>
    </li>
  );
}
