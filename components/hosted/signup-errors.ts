import type { ErrorCode } from "@/lib/errors";
import { RESTRICTION_MESSAGES } from "@/lib/restrictions/messages";
import { checkEmail } from "@/lib/signup-rules";

// Every answer of the signup API, and every check a form makes before sending, mapped to what the visitor
// reads. One table for both signup forms: the hosted form (React) and the script embed (components/embed-script,
// bundled on its own). So this module stays plain TypeScript: no React, no zod, types only from lib/errors.

export const SIGNUP_MESSAGES = {
  email_missing: "Enter your email address.",
  invalid_email: "Enter a valid email address, like alice@example.com.",
  invalid_input: "Check the highlighted field and try again.",
  honeypot_triggered: "This signup looked automated, so it wasn't sent. Reload the page and try again.",
  turnstile_failed: "The human check failed or expired. Please complete it again, then press the button.",
  waitlist_full: "This waitlist just filled up, so it isn't taking new signups.",
  waitlist_closed: "This waitlist isn't taking signups right now.",
  rate_limited: "Too many signups from your network just now. Wait a minute, then try again.",
  too_many_emails: "We've sent this address enough confirmation emails for now. Check your inbox and spam folder, or try again later.",
  not_found: "This waitlist no longer exists.",
  bad_request: "Your details couldn't be sent as they are. Shorten them and try again.",
  server_error: "Something went wrong on our side and your signup wasn't saved. Please try again.",
  not_saved: "Your signup wasn't saved. Please try again.",
  network: "We couldn't reach the server. Check your connection and try again.",
  captcha_pending: "One moment: the human check is still running. Try again in a second.",
  captcha_unavailable: "The human check couldn't load. Check your connection or content blocker, then try again.",
} as const;

export type SignupMessageKey = keyof typeof SIGNUP_MESSAGES;

export type FormProblem = {
  message: string;
  /** Which input the message belongs to; absent for form-level messages. */
  field?: "email" | "name" | "company" | "twitter" | `answers.${string}`;
  /** Offer a retry button (transient failures: the same request may succeed). */
  retry?: boolean;
  /** The captcha token was spent or refused: get a new one before submitting again. */
  resetCaptcha?: boolean;
  /** Replace the form with the full / closed state. */
  state?: "full" | "closed";
};

type ApiErrorBody = { ok: false; error?: { code?: string; message?: string; field?: string } };

const FIELDS = new Set(["email", "name", "company", "twitter"]);

export const NETWORK_PROBLEM: FormProblem = { message: SIGNUP_MESSAGES.network, retry: true };

/** The email as typed (trimmed) checked before sending; null when it may be sent. */
export function emailProblem(email: string): FormProblem | null {
  const verdict = checkEmail(email);
  if (verdict === "ok") return null;
  return { field: "email", message: SIGNUP_MESSAGES[verdict === "missing" ? "email_missing" : "invalid_email"] };
}

export function problemFromResponse(status: number, body: unknown): FormProblem {
  const error = (body as ApiErrorBody | null)?.error;
  const code = error?.code as ErrorCode | undefined;
  const serverMessage = typeof error?.message === "string" && error.message.length < 300 ? error.message : undefined;
  switch (code) {
    case "invalid_email":
      return { field: "email", message: serverMessage ?? SIGNUP_MESSAGES.invalid_email };
    case "invalid_input": {
      // A custom question's problem (answers.<id>) goes under that question too (lib/fields).
      const named = error?.field && (FIELDS.has(error.field) || error.field.startsWith("answers."));
      const field = named ? (error.field as FormProblem["field"]) : undefined;
      return { field, message: serverMessage ?? SIGNUP_MESSAGES.invalid_input };
    }
    case "honeypot_triggered":
    case "not_found":
      return { message: SIGNUP_MESSAGES[code] };
    case "turnstile_failed":
      return { message: SIGNUP_MESSAGES.turnstile_failed, resetCaptcha: true };
    case "waitlist_full":
      return { message: SIGNUP_MESSAGES.waitlist_full, state: "full" };
    case "waitlist_closed":
      return { message: SIGNUP_MESSAGES.waitlist_closed, state: "closed" };
    case "rate_limited":
      return { message: SIGNUP_MESSAGES.rate_limited, retry: true };
    case "too_many_emails":
      // Double opt-in's mail caps; the captcha was spent on this attempt.
      return { field: "email", message: SIGNUP_MESSAGES.too_many_emails, resetCaptcha: true };
    // The owner's restrictions (docs/restrictions.md): checked before the captcha, so its token is still good.
    case "email_not_allowed":
    case "email_blocked":
    case "disposable_email":
    case "subaddress_not_allowed":
      return { field: "email", message: serverMessage ?? RESTRICTION_MESSAGES[code] };
    case "banned_keyword": {
      const field = error?.field && FIELDS.has(error.field) ? (error.field as FormProblem["field"]) : undefined;
      return { field, message: serverMessage ?? RESTRICTION_MESSAGES[code] };
    }
    case "country_not_allowed":
      return { message: serverMessage ?? RESTRICTION_MESSAGES[code] };
    case "bad_json":
    case "invalid_content_type":
    case "payload_too_large":
      return { message: SIGNUP_MESSAGES.bad_request };
    default:
      // internal_error, service_unavailable, an HTML error page from a proxy, or anything new.
      return { message: SIGNUP_MESSAGES[status >= 500 || status === 0 ? "server_error" : "not_saved"], retry: true };
  }
}
