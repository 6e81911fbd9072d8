// The one error vocabulary of every WaitForge API. Safe to import from client components (no server code):
// forms map these codes to inline messages.

export const ERROR_STATUS = {
  bad_json: 400,
  invalid_signature: 400,
  invalid_content_type: 400,
  payload_too_large: 400,
  invalid_email: 400,
  invalid_input: 400,
  honeypot_triggered: 400,
  invalid_csv: 400,
  unauthorized: 401,
  plan_required: 402,
  turnstile_failed: 403,
  waitlist_full: 403,
  waitlist_closed: 403,
  forbidden_origin: 403,
  not_found: 404,
  slug_taken: 409,
  conflict: 409,
  rate_limited: 429,
  internal_error: 500,
  billing_not_configured: 503,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = { ok: false; error: { code: ErrorCode; message: string; field?: string } };

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return { ok: false, error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}
