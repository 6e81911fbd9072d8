import type { FieldDefinition } from "@/lib/fields/definitions";

// A person's own answers as "Download my data" gives them back (lib/signups/my-data.ts): each with the question
// it answered, in question order, archived questions included (the answer is still held).

export type LabelledAnswer = { question: string; answer: unknown };

export function labelledAnswers(fields: readonly FieldDefinition[], stored: unknown): LabelledAnswer[] {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return [];
  const answers = stored as Record<string, unknown>;
  const known = fields.filter((f) => f.id in answers).map((f) => ({ question: f.label, answer: answers[f.id] }));
  // An answer whose question is gone from the list entirely (a hand-edited store): still theirs, by its id.
  const ids = new Set(fields.map((f) => f.id));
  const orphans = Object.keys(answers).filter((id) => !ids.has(id)).map((id) => ({ question: id, answer: answers[id] }));
  return [...known, ...orphans];
}
