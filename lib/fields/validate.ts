import {
  conditionMet,
  conditionOf,
  isChoiceType,
  isTextType,
  maxLengthOf,
  type AnswerValue,
  type Answers,
  type PublicField,
} from "@/lib/fields/definitions";
import { hasLoneSurrogate } from "@/lib/unicode";

// The one check of a signup's answers against the list's questions: the server (lib/signups/service.ts) and
// both forms in the browser (the hosted form and the script embed) run this same code. No zod, so the embed
// bundle stays small. Rules (docs/custom-fields.md):
// - a key that is not an active question is refused, never dropped;
// - a question whose "required when" does not hold is not asked: its answer is dropped, not stored, so a form
//   that hid the question after the visitor changed their mind still goes through;
// - null, "" (after trimming), [] and an unchecked box are "no answer".

export type AnswersVerdict =
  | { ok: true; answers: Answers }
  | { ok: false; field: string; message: string };

type Field = Pick<PublicField, "id" | "type" | "label" | "min_length" | "max_length" | "min" | "max" | "choices" | "requirement">;

const URL_SHAPE = /^https?:\/\/[^\s"'<>]+$/i;

/** `fields` are the active questions in order (archived ones excluded by the caller or toPublicFields). */
export function validateAnswers(fields: readonly Field[], raw: unknown): AnswersVerdict {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, field: "answers", message: "answers must be an object of question id to answer." };
  }
  const given = raw as Record<string, unknown>;
  const known = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      return { ok: false, field: `answers.${key.slice(0, 64)}`, message: `This waitlist has no question "${key.slice(0, 64)}".` };
    }
  }
  const answers: Answers = {};
  for (const field of fields) {
    const condition = conditionOf(field);
    // Conditions only point at earlier questions, so `answers` already holds what they depend on.
    if (condition && !conditionMet(condition, answers)) continue;
    const checked = checkOne(field, given[field.id]);
    if (checked instanceof Problem) return { ok: false, field: `answers.${field.id}`, message: checked.message };
    if (checked === undefined) {
      if (field.requirement !== "optional") return { ok: false, field: `answers.${field.id}`, message: missingMessage(field) };
      continue;
    }
    answers[field.id] = checked;
  }
  return { ok: true, answers };
}

function missingMessage(field: Field): string {
  return field.type === "checkbox" ? `Tick "${field.label}" to continue.` : `"${field.label}" needs an answer.`;
}

class Problem {
  constructor(readonly message: string) {}
}

/** The clean answer, undefined for no answer, or the Problem with it. */
function checkOne(field: Field, value: unknown): AnswerValue | undefined | Problem {
  const name = `"${field.label}"`;
  const problem = (message: string) => new Problem(message);
  if (value === undefined || value === null) return undefined;
  if (isTextType(field.type)) {
    if (typeof value !== "string") return problem(`${name} must be text.`);
    const text = value.trim();
    if (text === "") return undefined;
    if (text.includes("\0")) return problem(`${name} cannot contain NUL characters.`);
    // jsonb refuses a lone surrogate: stored as is, it would fail the whole signup batch (a 500 for everyone).
    if (hasLoneSurrogate(text)) return problem(`${name} contains a broken character; remove it and try again.`);
    const max = maxLengthOf(field);
    if (field.min_length !== null && text.length < field.min_length) return problem(`${name} needs at least ${field.min_length} characters.`);
    if (text.length > max) return problem(`${name} can be at most ${max} characters.`);
    if (field.type === "url" && (!URL_SHAPE.test(text) || !parses(text))) return problem(`${name} must be a web address starting with https://.`);
    return text;
  }
  if (field.type === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) return problem(`${name} must be a number.`);
    if (field.min !== null && value < field.min) return problem(`${name} must be at least ${field.min}.`);
    if (field.max !== null && value > field.max) return problem(`${name} must be at most ${field.max}.`);
    return value;
  }
  if (field.type === "checkbox") {
    if (typeof value !== "boolean") return problem(`${name} must be true or false.`);
    // An unchecked box is no answer: a required box must be ticked.
    return value ? true : field.requirement === "optional" ? false : undefined;
  }
  if (field.type === "single_choice") {
    if (typeof value !== "string") return problem(`${name} must be one of its options.`);
    if (value === "") return undefined;
    return field.choices.includes(value) ? value : problem(`${name} has no option "${value.slice(0, 80)}".`);
  }
  if (isChoiceType(field.type)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return problem(`${name} must be a list of its options.`);
    const picked = [...new Set(value as string[])];
    const unknown = picked.find((v) => !field.choices.includes(v));
    if (unknown !== undefined) return problem(`${name} has no option "${unknown.slice(0, 80)}".`);
    // Stored in the question's order, so the same picks read the same everywhere.
    return picked.length === 0 ? undefined : field.choices.filter((c) => picked.includes(c));
  }
  return problem(`${name} cannot be answered.`);
}

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
