// The owner's own questions (docs/custom-fields.md): their stored shape, limits and conditional rule. Plain
// TypeScript with no zod, no React and no server code, so the script embed can bundle it next to the validator
// (validate.ts). The owner-side zod schema (schemas.ts) produces exactly this shape.

export const FIELD_TYPES = [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "checkbox",
  "url",
  "number",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Questions a list asks at once; archived ones are kept beside them (answers stay, still exported). */
export const MAX_ACTIVE_FIELDS = 10;
export const MAX_STORED_FIELDS = 50;
export const LABEL_MAX = 80;
export const HELP_MAX = 200;
export const PLACEHOLDER_MAX = 80;
export const CHOICES_MAX = 20;
export const CHOICE_MAX = 80;

/**
 * The longest answer each text-like type may allow, and its default cap. They keep ten answers inside the
 * signup body limit (8 KB, checked before parsing) for ordinary text.
 */
export const TEXT_CAPS: Record<"short_text" | "long_text" | "url", { cap: number; default: number }> = {
  short_text: { cap: 200, default: 120 },
  long_text: { cap: 1000, default: 1000 },
  url: { cap: 500, default: 500 },
};

export const FIELD_ID_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

export type Condition = { field: string; equals: string | boolean };
export type Requirement = "required" | "optional" | { required_when: Condition };

export type FieldDefinition = {
  id: string;
  type: FieldType;
  label: string;
  help: string;
  placeholder: string;
  /** Text, long text and URL: bounds in characters (null: 0 / the type's default cap). */
  min_length: number | null;
  max_length: number | null;
  /** Number: bounds of the value. */
  min: number | null;
  max: number | null;
  /** Single and multiple choice: the options, in order. */
  choices: string[];
  requirement: Requirement;
  /** Removed in the editor: no longer asked, its answers stay (owner API, table, CSV). */
  archived: boolean;
};

/** What the public endpoint publishes: the active questions, without the archive flag. */
export type PublicField = Omit<FieldDefinition, "archived">;

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

export const isChoiceType = (t: FieldType): t is "single_choice" | "multiple_choice" =>
  t === "single_choice" || t === "multiple_choice";
export const isTextType = (t: FieldType): t is "short_text" | "long_text" | "url" =>
  t === "short_text" || t === "long_text" || t === "url";
/** Types another question's "required when" may depend on. */
export const isConditionSource = (t: FieldType): boolean => isChoiceType(t) || t === "checkbox";

export function conditionOf(field: Pick<FieldDefinition, "requirement">): Condition | null {
  return typeof field.requirement === "object" ? field.requirement.required_when : null;
}

/** Whether a condition holds for the answers given so far (a missing checkbox is unchecked). */
export function conditionMet(condition: Condition, answers: Readonly<Record<string, unknown>>): boolean {
  const value = answers[condition.field];
  if (typeof condition.equals === "boolean") return (value === true) === condition.equals;
  if (Array.isArray(value)) return value.includes(condition.equals);
  return value === condition.equals;
}

/** The questions to show (and accept) for these answers: active ones whose condition, if any, holds. */
export function shownFields<F extends Pick<FieldDefinition, "id" | "requirement">>(
  fields: readonly F[],
  answers: Readonly<Record<string, unknown>>,
): F[] {
  return fields.filter((f) => {
    const condition = conditionOf(f);
    return condition === null || conditionMet(condition, answers);
  });
}

export function maxLengthOf(field: Pick<FieldDefinition, "type" | "max_length">): number {
  return isTextType(field.type) ? (field.max_length ?? TEXT_CAPS[field.type].default) : 0;
}

export function toPublicFields(fields: readonly FieldDefinition[]): PublicField[] {
  return fields.filter((f) => !f.archived).map(({ archived: _archived, ...rest }) => rest);
}

/** A fresh question id ("f_" and 8 random characters); the editor makes them so new questions can be depended on. */
export function newFieldId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `f_${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("")}`;
}
