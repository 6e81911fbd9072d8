// The signup rules a browser checks before sending, shared by the hosted form and the script embed
// (components/embed-script). Plain constants and regexes, safe in any bundle: no zod, no React, no server code.
// The server's zod schemas (lib/signups/schemas.ts) stay the authority; signup-rules.test.ts keeps the two in step.

export const EMAIL_MAX_LENGTH = 254;
export const TEXT_MAX_LENGTH = 120;

/** The hidden field people never see and bots fill (the API answers honeypot_triggered). */
export const HONEYPOT_FIELD = "website";

/**
 * A loose shape check (something@something.tld, no spaces) that catches typos without refusing an address the
 * server would accept; the server's full check answers invalid_email for the rest.
 */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type EmailVerdict = "ok" | "missing" | "invalid";

export function checkEmail(email: string): EmailVerdict {
  if (email === "") return "missing";
  return email.length <= EMAIL_MAX_LENGTH && EMAIL_SHAPE.test(email) ? "ok" : "invalid";
}

/** Ref codes: 8 characters without 0/O/1/I (REF_CODE_PATTERN on the server). */
export const REF_CODE_SHAPE = /^[A-HJ-NP-Z2-9]{8}$/;

/** A ?ref= value as people type it (any case, stray spaces) to a ref code, or null when it can't be one. */
export function refCodeFrom(raw: string | null | undefined): string | null {
  const value = raw?.trim().toUpperCase();
  return value && REF_CODE_SHAPE.test(value) ? value : null;
}
