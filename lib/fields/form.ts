import { conditionMet, conditionOf, type PublicField } from "@/lib/fields/definitions";

// What a form holds for each question (the text typed, the options ticked) turned into the answers the API
// takes, for both signup forms (the hosted form and the script embed). Plain TypeScript; the checks themselves
// are validate.ts, the same code the server runs.

export type RawAnswer = string | string[] | boolean;
export type RawAnswers = Readonly<Record<string, RawAnswer | undefined>>;

const NUMBER_SHAPE = /^-?\d+(\.\d+)?$/;

/**
 * The questions to show and the answers to send, in order: a question whose condition does not hold is hidden
 * and sends nothing, and neither counts for the questions after it. A number that is not one is sent as typed
 * so the validator names the problem.
 */
export function collectAnswers(fields: readonly PublicField[], raw: RawAnswers): { shown: Set<string>; answers: Record<string, unknown> } {
  const shown = new Set<string>();
  const answers: Record<string, unknown> = {};
  for (const field of fields) {
    const condition = conditionOf(field);
    if (condition && !conditionMet(condition, answers)) continue;
    shown.add(field.id);
    const value = raw[field.id];
    if (value === undefined) continue;
    if (field.type === "checkbox") {
      if (value === true) answers[field.id] = true;
    } else if (Array.isArray(value)) {
      if (value.length > 0) answers[field.id] = value;
    } else if (typeof value === "string" && value.trim() !== "") {
      const text = value.trim();
      answers[field.id] = field.type === "number" && NUMBER_SHAPE.test(text) ? Number(text) : text;
    }
  }
  return { shown, answers };
}
