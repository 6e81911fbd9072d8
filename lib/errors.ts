// The one error vocabulary of WaitForge. Domain modules throw AppError with a code; lib/api maps codes to HTTP
// statuses. Safe to import from client components (no server code): forms map these codes to inline messages.

export const ERROR_CODES = [
  "bad_json",
  "invalid_signature",
  "invalid_content_type",
  "payload_too_large",
  "invalid_email",
  "invalid_input",
  "honeypot_triggered",
  "invalid_csv",
  "unauthorized",
  "plan_required",
  "turnstile_failed",
  "waitlist_full",
  "waitlist_closed",
  "forbidden_origin",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "slug_taken",
  "conflict",
  "rate_limited",
  "too_many_emails",
  "internal_error",
  "billing_not_configured",
  "database_unavailable",
  // Sign-up restrictions of a waitlist (lib/restrictions, docs/restrictions.md).
  "email_not_allowed",
  "email_blocked",
  "disposable_email",
  "subaddress_not_allowed",
  "banned_keyword",
  "country_not_allowed",
  // Outgoing webhooks (lib/webhooks): a target URL that is not https or points at an internal address.
  "invalid_webhook_url",
  // Team invitations (lib/teams, docs/teams.md): used, revoked or expired; or opened by another account.
  "invitation_invalid",
  "invitation_wrong_account",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorBody = { ok: false; error: { code: ErrorCode; message: string; field?: string } };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Transport hints such as Retry-After; the HTTP layer copies them onto the answer. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  toBody(): ErrorBody {
    return { ok: false, error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}
