import {
  FIELD_TYPES,
  isChoiceType,
  isTextType,
  newFieldId,
  type FieldDefinition,
  type FieldType,
} from "@/lib/fields/definitions";
import type { FieldInput } from "@/lib/fields/schemas";

// The editor's working copy of a question list: the stored definitions plus what is only being typed (options
// one per line) and whether the question was ever saved (a saved question's type is fixed).

export type Draft = FieldDefinition & { choicesText: string; saved: boolean };

export const TYPE_LABELS: Record<FieldType, string> = {
  short_text: "Short text",
  long_text: "Long text",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  checkbox: "Checkbox",
  url: "Web address (URL)",
  number: "Number",
};
export const TYPES = FIELD_TYPES;

export const lines = (text: string) => [...new Set(text.split("\n").map((v) => v.trim()).filter(Boolean))];

export function toDraft(field: FieldDefinition): Draft {
  return { ...field, choicesText: field.choices.join("\n"), saved: true };
}

export function newDraft(type: FieldType = "short_text"): Draft {
  return {
    id: newFieldId(), type, label: "", help: "", placeholder: "", min_length: null, max_length: null, min: null,
    max: null, choices: [], choicesText: "", requirement: "optional", archived: false, saved: false,
  };
}

/** The draft as a definition: options from the typed lines, bounds only where the type has them. */
export function toDefinition(d: Draft): FieldDefinition {
  const { choicesText, saved: _saved, ...rest } = d;
  return {
    ...rest,
    choices: isChoiceType(d.type) ? lines(choicesText) : [],
    min_length: isTextType(d.type) ? d.min_length : null,
    max_length: isTextType(d.type) ? d.max_length : null,
    min: d.type === "number" ? d.min : null,
    max: d.type === "number" ? d.max : null,
  };
}

export function toInput(d: Draft): FieldInput {
  return toDefinition(d);
}

/** "fields.3.choices" → 3: which question a server or schema error belongs to. */
export function indexOfPath(path: string | undefined): number | null {
  const match = /^fields\.(\d+)/.exec(path ?? "");
  return match ? Number(match[1]) : null;
}
