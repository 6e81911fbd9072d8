// Pure matching of sign-up restrictions (docs/restrictions.md): no server code, no packages, safe in any bundle.
// Domains are compared in their ASCII (punycode) form, lower-case, without a trailing dot, so "Bücher.example.",
// "xn--bcher-kva.example" and "BÜCHER.EXAMPLE" are one domain.

/** A domain in the form lists store and compare: ASCII, lower-case, no trailing dot; "" when it is not one. */
export function normalizeDomain(raw: string): string {
  const trimmed = raw.trim().replace(/\.+$/, "");
  if (trimmed === "" || /[\s/\\?#@:%]/.test(trimmed)) return "";
  try {
    // The WHATWG URL parser applies IDNA (Unicode to punycode, case folding) the same way in Node and browsers.
    const host = new URL(`http://${trimmed}`).hostname;
    // Letters, digits and hyphens in at least two labels: no IP literals, no "*", no single-label names.
    return /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(host) && !/^[\d.]+$/.test(host) ? host : "";
  } catch {
    return "";
  }
}

export type Address = {
  /** The local part lower-cased; quoted local parts keep their quotes. */
  local: string;
  /** The local part without a +tag (unquoted local parts only); equal to local when there is none. */
  base: string;
  domain: string;
  /** "alice+news@…": a non-empty tag after the first + of an unquoted local part. */
  subaddressed: boolean;
};

export function parseAddress(raw: string): Address | null {
  const at = raw.lastIndexOf("@");
  if (at <= 0) return null;
  const local = raw.slice(0, at).trim().toLowerCase();
  const domain = normalizeDomain(raw.slice(at + 1));
  if (local === "" || domain === "") return null;
  const quoted = local.startsWith('"') && local.endsWith('"') && local.length >= 2;
  // RFC 5322 specials and spaces only inside quotes.
  if (!quoted && /[\s"(),:;<>@[\]\\]/.test(local)) return null;
  const plus = quoted ? -1 : local.indexOf("+");
  const subaddressed = plus > 0 && plus < local.length - 1;
  return { local, base: plus > 0 ? local.slice(0, plus) : local, domain, subaddressed };
}

/**
 * One list entry: "alice@example.com" (that mailbox, with or without a +tag), "example.com" (that domain only)
 * or "*.example.com" (any subdomain of example.com, not example.com itself: list both for both).
 */
export type ListEntry =
  | { kind: "address"; local: string; domain: string }
  | { kind: "domain"; domain: string }
  | { kind: "subdomains"; domain: string };

/** An entry as the owner typed it, to its stored form; null when it is none of the three shapes. */
export function parseListEntry(raw: string): ListEntry | null {
  const value = raw.trim();
  if (value.includes("@")) {
    const address = parseAddress(value);
    return address ? { kind: "address", local: address.local, domain: address.domain } : null;
  }
  if (value.startsWith("*.")) {
    const domain = normalizeDomain(value.slice(2));
    return domain ? { kind: "subdomains", domain } : null;
  }
  const domain = normalizeDomain(value);
  return domain ? { kind: "domain", domain } : null;
}

export function formatListEntry(entry: ListEntry): string {
  if (entry.kind === "address") return `${entry.local}@${entry.domain}`;
  return entry.kind === "subdomains" ? `*.${entry.domain}` : entry.domain;
}

export function entryMatches(entry: ListEntry, address: Address): boolean {
  switch (entry.kind) {
    case "address":
      return entry.domain === address.domain && (entry.local === address.local || entry.local === address.base);
    case "domain":
      return entry.domain === address.domain;
    case "subdomains":
      return address.domain.endsWith(`.${entry.domain}`);
  }
}

/** Stored entries (already normalized by the settings schema) against one address. */
export function listMatches(entries: readonly string[], address: Address): boolean {
  return entries.some((raw) => {
    const entry = parseListEntry(raw);
    return entry !== null && entryMatches(entry, address);
  });
}

/** Case- and width-insensitive: "ＳＰＡＭ" and "Spam" both contain the keyword "spam". */
export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The first banned keyword contained in the text, or null. Keywords are stored folded. */
export function bannedKeywordIn(text: string, keywords: readonly string[]): string | null {
  if (keywords.length === 0 || text === "") return null;
  const folded = foldText(text);
  return keywords.find((k) => k !== "" && folded.includes(k)) ?? null;
}

/** Every parent domain of a domain, itself first: a.b.example.com, b.example.com, example.com, com. */
export function domainSuffixes(domain: string): string[] {
  const parts = domain.split(".");
  return parts.map((_, i) => parts.slice(i).join("."));
}
