import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isDisposableDomain } from "@/lib/restrictions/disposable";
import { RESTRICTION_MESSAGES } from "@/lib/restrictions/messages";
import { countRefusal } from "@/lib/restrictions/refusals";
import { countryFrom, findRefusal, type RestrictionInput } from "@/lib/restrictions/refuse";
import { RESTRICTION_RULES, type Restrictions } from "@/lib/restrictions/schemas";

/**
 * Refuses a signup the owner's restrictions exclude, with the rule's own code and a message the person can act
 * on. Runs before the captcha and before anything is stored: a refusal costs one counter upsert, nothing else.
 */
export async function checkRestrictions(
  waitlist: { id: string; restrictions: Restrictions },
  input: RestrictionInput,
  headers: Headers,
): Promise<void> {
  const header = env().COUNTRY_HEADER;
  const country = header ? countryFrom(headers.get(header)) : undefined;
  const refusal = findRefusal(waitlist.restrictions, input, country, isDisposableDomain);
  if (!refusal) return;
  await countRefusal(waitlist.id, refusal.rule);
  const code = RESTRICTION_RULES[refusal.rule];
  throw new AppError(code, RESTRICTION_MESSAGES[code], refusal.field);
}
