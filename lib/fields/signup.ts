import "server-only";
import { AppError } from "@/lib/errors";
import { toPublicFields, type FieldDefinition } from "@/lib/fields/definitions";
import { validateAnswers } from "@/lib/fields/validate";

/**
 * A signup's answers, checked before restrictions and the captcha (a refusal spends nothing): the JSON text
 * createSignup stores, null when there is nothing to store, or 400 invalid_input naming `answers.<id>`.
 */
export function checkSignupAnswers(fields: readonly FieldDefinition[], raw: unknown): string | null {
  const verdict = validateAnswers(toPublicFields(fields), raw);
  if (!verdict.ok) throw new AppError("invalid_input", verdict.message, verdict.field);
  return Object.keys(verdict.answers).length > 0 ? JSON.stringify(verdict.answers) : null;
}
