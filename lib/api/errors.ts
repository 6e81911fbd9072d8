import type { ErrorCode } from "@/lib/errors";

// How each domain error code is answered over HTTP. The codes themselves live in lib/errors.ts.
export const ERROR_STATUS: Record<ErrorCode, number> = {
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
  method_not_allowed: 405,
  slug_taken: 409,
  conflict: 409,
  rate_limited: 429,
  too_many_emails: 429,
  internal_error: 500,
  billing_not_configured: 503,
  database_unavailable: 503,
};
