import { bannedKeywordIn, listMatches, parseAddress } from "@/lib/restrictions/match";
import type { Restrictions, RestrictionRule } from "@/lib/restrictions/schemas";

// The decision, pure: which rule (if any) refuses this signup. lib/restrictions/check.ts turns it into an answer.

export type RestrictionInput = { email: string; name?: string | null; company?: string | null; twitter?: string | null };

export type Refusal = { rule: RestrictionRule; field?: "email" | "name" | "company" | "twitter" };

/**
 * @param country the visitor's ISO country from the trusted header; undefined when no header is trusted (country
 *   rules are then skipped), null when the trusted header is absent or says unknown.
 * @param isDisposable whether a domain belongs to a disposable-mail provider (lib/restrictions/disposable.ts).
 */
export function findRefusal(
  rules: Restrictions,
  input: RestrictionInput,
  country: string | null | undefined,
  isDisposable: (domain: string) => boolean,
): Refusal | null {
  const address = parseAddress(input.email);
  if (!address) return null; // the signup schema already refused anything that is not an address
  if (rules.restricted && !listMatches(rules.allowlist, address)) return { rule: "allowlist", field: "email" };
  if (listMatches(rules.blocklist, address)) return { rule: "blocklist", field: "email" };
  if (rules.blockDisposable && isDisposable(address.domain)) return { rule: "disposable", field: "email" };
  if (rules.blockSubaddresses && address.subaddressed) return { rule: "subaddress", field: "email" };
  const texts = [
    ["email", input.email],
    ["name", input.name],
    ["company", input.company],
    ["twitter", input.twitter],
  ] as const;
  for (const [field, text] of texts) {
    if (text && bannedKeywordIn(text, rules.bannedKeywords)) return { rule: "keyword", field };
  }
  if (country !== undefined && rules.countryMode !== "off") {
    const listed = country !== null && rules.countryCodes.includes(country);
    // allow_only cannot prove an unknown country is allowed; block has nothing to block.
    if (rules.countryMode === "block" ? listed : !listed) return { rule: "country" };
  }
  return null;
}

/** A country header's value to an ISO code, or null for absent / unknown ("XX") / anything else. */
export function countryFrom(value: string | null): string | null {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z][A-Z0-9]$/.test(code) && code !== "XX" ? code : null;
}
