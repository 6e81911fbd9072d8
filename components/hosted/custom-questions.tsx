import type { ReactNode } from "react";
import { fieldErrorClass, inputClass, labelClass } from "@/components/hosted/form-styles";
import { maxLengthOf, type PublicField } from "@/lib/fields/definitions";
import type { RawAnswer, RawAnswers } from "@/lib/fields/form";

// The owner's own questions inside the signup form (hosted page, iframe embed, dashboard preview), themed by the
// same --wf-* variables. Only the questions `shown` holds are rendered: a conditional one appears once its
// condition holds. Each input is named answers.<id>, which is also the `field` of the API's errors, so a refusal
// lands under (and focuses) its question.

type Props = {
  fields: readonly PublicField[];
  values: RawAnswers;
  shown: ReadonlySet<string>;
  onChange: (id: string, value: RawAnswer) => void;
  errorFor: (id: string) => string | null;
};

const SELECT_OVER = 5;
const choiceClass = "flex items-center gap-2.5 text-sm";
const tickClass = "size-4 shrink-0 accent-(--wf-primary)";

export function CustomQuestions({ fields, values, shown, onChange, errorFor }: Props) {
  const visible = fields.filter((f) => shown.has(f.id));
  if (visible.length === 0) return null;
  // Polite: a question that appears after an answer is read out once, without interrupting.
  return (
    <div className="space-y-4" aria-live="polite" aria-relevant="additions">
      {visible.map((f) => (
        <Question key={f.id} field={f} value={values[f.id]} onChange={(v) => onChange(f.id, v)} error={errorFor(f.id)} />
      ))}
    </div>
  );
}

function Question({ field, value, onChange, error }: { field: PublicField; value: RawAnswer | undefined; onChange: (v: RawAnswer) => void; error: string | null }) {
  const id = `wf-q-${field.id}`;
  const name = `answers.${field.id}`;
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  const required = field.requirement !== "optional";
  const a11y = { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
  const text = typeof value === "string" ? value : "";
  const picked = Array.isArray(value) ? value : [];

  const title = (
    <>
      {field.label}
      {required ? null : <span className="ml-1 font-normal text-(color:--wf-muted)">(optional)</span>}
    </>
  );
  const footer: ReactNode = (
    <>
      {field.help ? <p id={helpId} className="mt-1 text-xs text-(color:--wf-muted)">{field.help}</p> : null}
      {error ? <p id={errorId} role="alert" className={fieldErrorClass}>{error}</p> : null}
    </>
  );

  if (field.type === "checkbox") {
    return (
      <div>
        <label className={choiceClass}>
          <input id={id} name={name} type="checkbox" className={tickClass} checked={value === true} aria-required={required || undefined} onChange={(e) => onChange(e.target.checked)} {...a11y} />
          <span className="font-medium">{title}</span>
        </label>
        {footer}
      </div>
    );
  }

  if (field.type === "single_choice" && field.choices.length > SELECT_OVER) {
    return (
      <div>
        <label htmlFor={id} className={labelClass}>{title}</label>
        <select id={id} name={name} className={`${inputClass} mt-1.5`} value={text} aria-required={required || undefined} onChange={(e) => onChange(e.target.value)} {...a11y}>
          <option value="">{field.placeholder || "Choose one"}</option>
          {field.choices.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        {footer}
      </div>
    );
  }

  if (field.type === "single_choice" || field.type === "multiple_choice") {
    const multiple = field.type === "multiple_choice";
    return (
      <fieldset aria-describedby={describedBy}>
        <legend className={labelClass}>{title}</legend>
        <div className="mt-2 space-y-2">
          {field.choices.map((c, i) => (
            <label key={c} className={choiceClass}>
              <input
                name={name}
                id={i === 0 ? id : undefined}
                type={multiple ? "checkbox" : "radio"}
                className={tickClass}
                value={c}
                checked={multiple ? picked.includes(c) : text === c}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onChange(multiple ? (e.target.checked ? [...picked, c] : picked.filter((p) => p !== c)) : c)}
              />
              <span>{c}</span>
            </label>
          ))}
        </div>
        {footer}
      </fieldset>
    );
  }

  const common = {
    id,
    name,
    value: text,
    placeholder: field.placeholder || undefined,
    "aria-required": required || undefined,
    ...a11y,
  };
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{title}</label>
      {field.type === "long_text" ? (
        <textarea {...common} rows={3} maxLength={maxLengthOf(field)} className={`${inputClass} mt-1.5 h-auto py-2.5`} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={field.type === "url" ? "url" : "text"}
          inputMode={field.type === "number" ? "decimal" : field.type === "url" ? "url" : undefined}
          maxLength={field.type === "number" ? 32 : maxLengthOf(field)}
          className={`${inputClass} mt-1.5`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {footer}
    </div>
  );
}
