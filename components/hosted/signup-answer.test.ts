import { describe, expect, it } from "vitest";
import { readSignupAnswer } from "@/components/hosted/signup-answer";
import { emailProblem, problemFromResponse, SIGNUP_MESSAGES } from "@/components/hosted/signup-errors";
import type { ErrorCode } from "@/lib/errors";

// The one reading of the signup API's answers that the hosted form and the script embed share.

describe("readSignupAnswer", () => {
  it("reads a new signup, status token included", () => {
    const answer = readSignupAnswer("demo", 200, {
      ok: true,
      position: 9,
      ref_code: "XY9ZW8V7",
      share_path: "/w/demo?ref=XY9ZW8V7",
      status_token: "t".repeat(32),
    });
    expect(answer).toEqual({
      ok: true,
      signup: { position: 9, refCode: "XY9ZW8V7", sharePath: "/w/demo?ref=XY9ZW8V7", statusToken: "t".repeat(32), duplicate: false, invited: false, pending: false },
    });
  });

  it("reads a pending signup (double opt-in), new or again", () => {
    const fresh = readSignupAnswer("demo", 200, { ok: true, position: 3, ref_code: "XY9ZW8V7", share_path: "/w/demo?ref=XY9ZW8V7", status: "pending" });
    expect(fresh.ok && fresh.signup).toMatchObject({ position: 3, pending: true, duplicate: false, invited: false });
    const again = readSignupAnswer("demo", 200, { ok: true, duplicate: true, position: 3, ref_code: "XY9ZW8V7", status: "pending" });
    expect(again.ok && again.signup).toMatchObject({ position: 3, pending: true, duplicate: true, invited: false });
  });

  it("reads a duplicate of someone already let in (no place, no token) and builds the share path itself", () => {
    const answer = readSignupAnswer("demo", 200, { ok: true, duplicate: true, position: null, ref_code: "XY9ZW8V7", status: "invited" });
    expect(answer).toEqual({
      ok: true,
      signup: { position: null, refCode: "XY9ZW8V7", sharePath: "/w/demo?ref=XY9ZW8V7", statusToken: undefined, duplicate: true, invited: true, pending: false },
    });
  });

  it("never takes a share path that leaves our /w/ pages", () => {
    const answer = readSignupAnswer("demo", 200, { ok: true, position: 1, ref_code: "XY9ZW8V7", share_path: "//evil.example/x" });
    expect(answer.ok && answer.signup.sharePath).toBe("/w/demo?ref=XY9ZW8V7");
  });

  it("turns a 200 without a result, an HTML page or an error into a problem, never an exception", () => {
    expect(readSignupAnswer("demo", 200, { ok: true })).toEqual({ ok: false, problem: { message: SIGNUP_MESSAGES.not_saved, retry: true } });
    expect(readSignupAnswer("demo", 502, null)).toEqual({ ok: false, problem: { message: SIGNUP_MESSAGES.server_error, retry: true } });
    expect(readSignupAnswer("demo", 403, { ok: false, error: { code: "turnstile_failed", message: "x" } })).toEqual({
      ok: false,
      problem: { message: SIGNUP_MESSAGES.turnstile_failed, resetCaptcha: true },
    });
  });
});

describe("problemFromResponse", () => {
  // Every code the signup route answers (README's table) has its own message; only internal errors share the default.
  const SIGNUP_CODES: ErrorCode[] = [
    "invalid_email",
    "invalid_input",
    "bad_json",
    "invalid_content_type",
    "payload_too_large",
    "honeypot_triggered",
    "turnstile_failed",
    "waitlist_full",
    "waitlist_closed",
    "not_found",
    "rate_limited",
    "too_many_emails",
  ];

  it("maps every signup error code to a message from the shared table", () => {
    const table = new Set<string>(Object.values(SIGNUP_MESSAGES));
    for (const code of SIGNUP_CODES) {
      const problem = problemFromResponse(400, { ok: false, error: { code } });
      expect(table.has(problem.message), code).toBe(true);
      expect(problem.message, code).not.toBe(SIGNUP_MESSAGES.not_saved);
    }
  });

  it("keeps the server's own wording for field errors and points at the field", () => {
    const problem = problemFromResponse(400, { ok: false, error: { code: "invalid_input", field: "name", message: "Name is at most 120 characters." } });
    expect(problem).toEqual({ field: "name", message: "Name is at most 120 characters." });
    expect(problemFromResponse(400, { ok: false, error: { code: "invalid_input", field: "__proto__" } }).field).toBeUndefined();
  });

  it("offers a retry only for transient failures, and the full / closed states", () => {
    expect(problemFromResponse(429, { ok: false, error: { code: "rate_limited" } }).retry).toBe(true);
    expect(problemFromResponse(500, { ok: false, error: { code: "internal_error" } }).retry).toBe(true);
    expect(problemFromResponse(400, { ok: false, error: { code: "honeypot_triggered" } }).retry).toBeUndefined();
    expect(problemFromResponse(403, { ok: false, error: { code: "waitlist_full" } }).state).toBe("full");
    expect(problemFromResponse(403, { ok: false, error: { code: "waitlist_closed" } }).state).toBe("closed");
  });
});

describe("emailProblem", () => {
  it("asks for a missing email, corrects a malformed one, and lets a good one through", () => {
    expect(emailProblem("")).toEqual({ field: "email", message: SIGNUP_MESSAGES.email_missing });
    expect(emailProblem("alice@")).toEqual({ field: "email", message: SIGNUP_MESSAGES.invalid_email });
    expect(emailProblem("alice@example.com")).toBeNull();
  });
});
