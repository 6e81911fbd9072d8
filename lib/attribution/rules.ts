// Where a signup came from, as the browser sees it and the server stores it (docs/metadata-and-attribution.md).
// Plain TypeScript, safe in any bundle: the hosted form, the iframe and the script embed collect with these
// rules (collect.ts), and the server's zod schema (schema.ts) cleans what any client sends with the same ones.

export const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;
export type UtmKey = (typeof UTM_KEYS)[number];

/** What a client may send as `attribution`: the landing URL's utm_* and the referring site. */
export const ATTRIBUTION_KEYS = [...UTM_KEYS, "referrer"] as const;
export type AttributionKey = (typeof ATTRIBUTION_KEYS)[number];
export type AttributionInput = Partial<Record<AttributionKey, string>>;

/** What is stored in signups.attribution: the above plus the referral code the signup used, if any. */
export type Attribution = AttributionInput & { ref?: string };

/** Longest stored value; the browser collectors cut to it, the API refuses longer values. */
export const ATTRIBUTION_MAX_LENGTH = 200;

// Control characters (C0, DEL, C1), zero-width and bidirectional controls, BOM: invisible, and a way to make a
// source look like another one in the dashboard. Lone surrogates cannot be stored as JSON in PostgreSQL.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A utm value as stored: invisible characters and lone surrogates removed, spaces collapsed and trimmed. */
export function cleanAttributionText(raw: string): string {
  return raw.replace(LONE_SURROGATE, "").replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
}

export { hasLoneSurrogate } from "@/lib/unicode";

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/;

/**
 * The referring site of a referrer URL (or of a bare host name): its host name, lower case, without a leading
 * "www.", never its path or query (which can carry someone's search terms or tokens). Null when it is not one.
 */
export function referrerHost(raw: string): string | null {
  const text = raw.trim();
  if (text === "") return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^www\./, "").replace(/\.$/, "");
  return host.length <= ATTRIBUTION_MAX_LENGTH && HOST.test(host) ? host : null;
}
