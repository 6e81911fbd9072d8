import type { ErrorCode } from "@/lib/errors";

// Every answer of the signup API, mapped to what the form shows. Pure and client-safe (types only from the
// API's error module) so the form bundle stays small; the embed mirrors this table in plain JS.

export type FormProblem = {
  message: string;
  /** Which input the message belongs to; absent for form-level messages. */
  field?: "email" | "name" | "company" | "twitter";
  /** Offer a retry button (transient failures: the same request may succeed). */
  retry?: boolean;
  /** The captcha token was spent or refused: get a new one before submitting again. */
  resetCaptcha?: boolean;
  /** Replace the form with the full / closed state. */
  state?: "full" | "closed";
};

type ApiErrorBody = { ok: false; error?: { code?: string; message?: string; field?: string } };

const FIELDS = new Set(["email", "name", "company", "twitter"]);

export const NETWORK_PROBLEM: FormProblem = {
  message: "We couldn't reach the server. Check your connection and try again.",
  retry: true,
};

export function problemFromResponse(status: number, body: unknown): FormProblem {
  const error = (body as ApiErrorBody | null)?.error;
  const code = error?.code as ErrorCode | undefined;
  const serverMessage = typeof error?.message === "string" && error.message.length < 300 ? error.message : undefined;
  switch (code) {
    case "invalid_email":
      return { field: "email", message: serverMessage ?? "Enter a valid email address, like alice@example.com." };
    case "invalid_input": {
      const field = error?.field && FIELDS.has(error.field) ? (error.field as FormProblem["field"]) : undefined;
      return { field, message: serverMessage ?? "Check the highlighted field and try again." };
    }
    case "honeypot_triggered":
      return { message: "This signup looked automated, so it wasn't sent. Reload the page and try again." };
    case "turnstile_failed":
      return {
        message: "The human check failed or expired. Please complete it again, then press the button.",
        resetCaptcha: true,
      };
    case "waitlist_full":
      return { message: "This waitlist just filled up, so it isn't taking new signups.", state: "full" };
    case "waitlist_closed":
      return { message: "This waitlist isn't taking signups right now.", state: "closed" };
    case "rate_limited":
      return { message: "Too many signups from your network just now. Wait a minute, then try again.", retry: true };
    case "not_found":
      return { message: "This waitlist no longer exists." };
    case "bad_json":
    case "invalid_content_type":
    case "payload_too_large":
      return { message: "Your details couldn't be sent as they are. Shorten them and try again." };
    default:
      // internal_error, service_unavailable, an HTML error page from a proxy, or anything new.
      return {
        message:
          status >= 500 || status === 0
            ? "Something went wrong on our side and your signup wasn't saved. Please try again."
            : "Your signup wasn't saved. Please try again.",
        retry: true,
      };
  }
}
