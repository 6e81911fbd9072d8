import { z } from "zod";
import {
  CHOICE_MAX,
  CHOICES_MAX,
  FIELD_ID_PATTERN,
  FIELD_TYPES,
  HELP_MAX,
  LABEL_MAX,
  MAX_ACTIVE_FIELDS,
  MAX_STORED_FIELDS,
  PLACEHOLDER_MAX,
  TEXT_CAPS,
  conditionOf,
  isChoiceType,
  isConditionSource,
  isTextType,
  type FieldDefinition,
} from "@/lib/fields/definitions";
import { storableText } from "@/lib/storable-text";

// The owner's question list as the owner API and the settings editor write it. Zod, client-safe: the editor
// checks with the very same rules before saving. Every definition comes out complete (FieldDefinition).

const fieldId = z.string().regex(FIELD_ID_PATTERN, "Ids are 1-32 lower-case letters, digits or _, starting with a letter.");
const text = (max: number, what: string) =>
  storableText().trim().max(max, `${what} is at most ${max} characters.`);
const count = z.number().int("Use a whole number.").min(0, "Use 0 or more.");
const bound = z.number().refine(Number.isFinite, "Use a finite number.");

const requirementSchema = z.union([
  z.literal("required"),
  z.literal("optional"),
  z.object({
    required_when: z.object({ field: fieldId, equals: z.union([z.string().max(CHOICE_MAX), z.boolean()]) }).strict(),
  }).strict(),
], { error: 'requirement is "required", "optional" or {"required_when": {"field": id, "equals": value}}.' });

export const fieldInputSchema = z
  .object({
    /** Leave out for a new question: the server makes one. Existing questions keep theirs. */
    id: fieldId.optional(),
    type: z.enum(FIELD_TYPES, { error: `type is one of ${FIELD_TYPES.join(", ")}.` }),
    label: text(LABEL_MAX, "A label").min(1, "Give the question a label."),
    help: text(HELP_MAX, "Help text").default(""),
    placeholder: text(PLACEHOLDER_MAX, "A placeholder").default(""),
    min_length: count.nullable().default(null),
    max_length: count.min(1, "The longest answer is at least 1 character.").nullable().default(null),
    min: bound.nullable().default(null),
    max: bound.nullable().default(null),
    choices: z.array(text(CHOICE_MAX, "An option").min(1, "Options cannot be empty.")).max(CHOICES_MAX, `At most ${CHOICES_MAX} options.`).default([]),
    requirement: requirementSchema.default("optional"),
    archived: z.boolean().default(false),
  })
  .strict()
  .superRefine((f, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (isChoiceType(f.type)) {
      if (f.choices.length === 0) issue("choices", "A choice question needs at least one option.");
      if (new Set(f.choices).size !== f.choices.length) issue("choices", "Each option appears once.");
    } else if (f.choices.length > 0) issue("choices", "Only choice questions have options.");
    if (isTextType(f.type)) {
      const cap = TEXT_CAPS[f.type].cap;
      if (f.max_length !== null && f.max_length > cap) issue("max_length", `At most ${cap} characters for this type.`);
      if (f.min_length !== null && f.min_length > (f.max_length ?? cap)) issue("min_length", "The shortest answer is longer than the longest.");
    } else if (f.min_length !== null || f.max_length !== null) issue("max_length", "Only text and URL questions have lengths.");
    if (f.type === "number") {
      if (f.min !== null && f.max !== null && f.min > f.max) issue("min", "The smallest value is above the largest.");
    } else if (f.min !== null || f.max !== null) issue("min", "Only number questions have a smallest and largest value.");
  });

export type FieldInput = z.infer<typeof fieldInputSchema>;

/**
 * A whole list. Checked across questions: unique ids, at most 10 active, and each "required when" points at an
 * earlier, active choice or checkbox question with a value it can take. Pointing only backwards rules out cycles.
 */
export const fieldListSchema = z
  .array(fieldInputSchema)
  .max(MAX_STORED_FIELDS, `At most ${MAX_STORED_FIELDS} questions, archived ones included.`)
  .superRefine((list, ctx) => {
    const issue = (i: number, path: string[], message: string) => ctx.addIssue({ code: "custom", path: [i, ...path], message });
    const active = list.filter((f) => !f.archived).length;
    if (active > MAX_ACTIVE_FIELDS) ctx.addIssue({ code: "custom", path: [], message: `At most ${MAX_ACTIVE_FIELDS} questions at once; archive one first.` });
    const seen = new Set<string>();
    list.forEach((f, i) => {
      if (f.id !== undefined) {
        if (seen.has(f.id)) issue(i, ["id"], `Two questions share the id "${f.id}".`);
        seen.add(f.id);
      }
      const condition = conditionOf(f);
      // An archived question is not asked, so its rule no longer needs to hold (its source may be gone).
      if (!condition || f.archived) return;
      const at = ["requirement", "required_when", "field"];
      const source = list.findIndex((s) => s.id !== undefined && s.id === condition.field);
      const s = list[source];
      if (!s) return issue(i, at, `"${f.label}" depends on a question that does not exist.`);
      if (source >= i) return issue(i, at, `"${f.label}" can only depend on a question above it.`);
      if (!isConditionSource(s.type)) return issue(i, at, `"${f.label}" can only depend on a choice or checkbox question.`);
      if (s.archived && !f.archived) return issue(i, at, `"${f.label}" depends on "${s.label}", which is archived.`);
      const equals = condition.equals;
      const fits = s.type === "checkbox" ? typeof equals === "boolean" : typeof equals === "string" && s.choices.includes(equals);
      if (!fits) {
        issue(i, ["requirement", "required_when", "equals"], s.type === "checkbox"
          ? `"${f.label}" depends on a checkbox: use true or false.`
          : `"${f.label}" depends on an option "${s.label}" does not have.`);
      }
    });
  });

export const putFieldsSchema = z.object({ fields: fieldListSchema }).strict();

/** Reads stored definitions leniently: a malformed store (hand-edited) shows as no questions, never breaks a page. */
export function readFieldDefinitions(stored: unknown): FieldDefinition[] {
  const parsed = fieldListSchema.safeParse(stored);
  if (!parsed.success) return [];
  return parsed.data.flatMap((f) => (f.id === undefined ? [] : [{ ...f, id: f.id }]));
}
