import { describe, expect, it } from "vitest";
import {
  EMAIL_MAX_LENGTH as SERVER_EMAIL_MAX,
  emailSchema,
  HONEYPOT_FIELD as SERVER_HONEYPOT,
  REF_CODE_ALPHABET,
  REF_CODE_PATTERN,
  TEXT_MAX_LENGTH as SERVER_TEXT_MAX,
} from "@/lib/signups/schemas";
import {
  checkEmail,
  EMAIL_MAX_LENGTH,
  HONEYPOT_FIELD,
  REF_CODE_SHAPE,
  refCodeFrom,
  TEXT_MAX_LENGTH,
} from "@/lib/signup-rules";
import { TURNSTILE_ACTIONS } from "@/lib/abuse/turnstile-actions";

// The browser-side rules (hosted form and script embed) must never refuse what the server accepts, and must
// name the same limits and fields, or a visitor would see one message in the form and another from the API.

describe("signup rules agree with the server's schemas", () => {
  it("uses the same limits and honeypot field", () => {
    expect(EMAIL_MAX_LENGTH).toBe(SERVER_EMAIL_MAX);
    expect(TEXT_MAX_LENGTH).toBe(SERVER_TEXT_MAX);
    expect(HONEYPOT_FIELD).toBe(SERVER_HONEYPOT);
  });

  it("accepts every email the server accepts", () => {
    const good = ["alice@example.com", "a.b+tag@sub.example.co.uk", "ADA@Example.COM", `${"x".repeat(240)}@example.com`];
    for (const email of good) {
      expect(emailSchema.safeParse(email).success, email).toBe(true);
      expect(checkEmail(email), email).toBe("ok");
    }
  });

  it("refuses what the server refuses for shape or length, and tells missing from invalid", () => {
    const bad = ["not-an-email", "a@b", "a b@example.com", "@example.com", "alice@", `${"x".repeat(250)}@example.com`];
    for (const email of bad) {
      expect(emailSchema.safeParse(email).success, email).toBe(false);
      expect(checkEmail(email), email).toBe("invalid");
    }
    expect(checkEmail("")).toBe("missing");
  });

  it("reads ref codes exactly as the server's pattern does", () => {
    for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") {
      const code = c.repeat(8);
      expect(REF_CODE_SHAPE.test(code), code).toBe(REF_CODE_PATTERN.test(code));
      expect(REF_CODE_ALPHABET.includes(c)).toBe(REF_CODE_SHAPE.test(code));
    }
    expect(REF_CODE_SHAPE.test("ABCDEFG")).toBe(false);
    expect(REF_CODE_SHAPE.test("ABCDEFGHJ")).toBe(false);
  });

  it("normalises a ?ref= value people typed, and drops what can't be a code", () => {
    expect(refCodeFrom(" xy9zw8v7 ")).toBe("XY9ZW8V7");
    expect(refCodeFrom("XY9ZW8V0")).toBeNull();
    expect(refCodeFrom("")).toBeNull();
    expect(refCodeFrom(null)).toBeNull();
    expect(refCodeFrom(undefined)).toBeNull();
  });

  it("names Turnstile actions Cloudflare accepts, one per surface", () => {
    const actions = Object.values(TURNSTILE_ACTIONS);
    for (const action of actions) expect(action).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
