import { z } from "zod";
import { EMAIL_MAX_LENGTH, TEXT_MAX_LENGTH } from "@/lib/signup-rules";
import { storableText } from "@/lib/storable-text";

// Signups at every boundary: the public signup request and its answers, the owner's list, status and export
// queries, and the CSV columns export and import share. Zod only, no server code. The limits a browser checks
// too are defined once, in the client-safe rules the embed bundles (lib/signup-rules.ts).

export { EMAIL_MAX_LENGTH, HONEYPOT_FIELD, TEXT_MAX_LENGTH } from "@/lib/signup-rules";

/** Largest accepted request body, checked on the raw bytes before any JSON parsing. */
export const SIGNUP_MAX_BYTES = 8 * 1024;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX_LENGTH, `Email addresses are at most ${EMAIL_MAX_LENGTH} characters.`)
  .pipe(z.email("Enter a valid email address, like alice@example.com."));

const optionalText = (label: string) =>
  storableText({ error: `${label} must be text.` })
    .trim()
    .max(TEXT_MAX_LENGTH, `${label} is at most ${TEXT_MAX_LENGTH} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullish();

/** Accepts "alice", "@alice" or an x.com / twitter.com profile URL and keeps the bare handle. */
export const twitterSchema = z
  .string({ error: "Twitter handle must be text." })
  .trim()
  .max(TEXT_MAX_LENGTH)
  .transform((v) => v.replace(/^https?:\/\/(www\.)?(twitter|x)\.com\//i, "").replace(/^@/, "").replace(/\/$/, ""))
  .refine((v) => v === "" || /^[A-Za-z0-9_]{1,15}$/.test(v), "Use a handle like @alice (letters, digits, _).")
  .transform((v) => (v === "" ? null : v))
  .nullish();

export const signupRequestSchema = z.object({
  email: emailSchema,
  name: optionalText("Name"),
  company: optionalText("Company"),
  twitter: twitterSchema,
  ref: storableText()
    .trim()
    .max(64)
    .transform((v) => v.toUpperCase())
    .nullish()
    .catch(null),
  turnstile: z.string().max(4096, "The captcha token is too long.").nullish(),
  /** Answers to the list's own questions by question id, checked against them by lib/fields/validate.ts. */
  answers: z.record(z.string(), z.unknown(), { error: "answers must be an object of question id to answer." }).nullish(),
});

export type SignupRequest = z.infer<typeof signupRequestSchema>;

/** Ref codes: 8 characters from an alphabet with no 0/O/1/I, so people can read them aloud. */
export const REF_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const REF_CODE_LENGTH = 8;
export const REF_CODE_PATTERN = new RegExp(`^[${REF_CODE_ALPHABET}]{${REF_CODE_LENGTH}}$`);

/** The answers of POST /api/public/:slug/signup, named as in lib/api/openapi.ts. */
export type SignupCreated = {
  ok: true;
  position: number;
  ref_code: string;
  share_path: string;
  status_token?: string;
  /** Double opt-in: not in line until the emailed link is confirmed. */
  status?: "pending";
};
export type SignupDuplicate = { ok: true; duplicate: true; position: number | null; ref_code: string; status?: "invited" | "pending" };

/** The statuses owners filter by and set (lib/signups/statuses.ts); "waiting" is the line. */
export const SIGNUP_STATUSES = ["waiting", "invited", "joined", "removed"] as const;
/** What the owner's list and export filter on: also the pending (double opt-in, not confirmed), never set by hand. */
export const LISTED_STATUSES = [...SIGNUP_STATUSES, "pending"] as const;

/** Query of the owner's signups list (GET /api/waitlists/:id/signups). */
export const listSignupsQuerySchema = z.object({
  order: z.enum(["position", "joined"]).default("position"),
  status: z.enum([...LISTED_STATUSES, "all"]).default("all"),
  q: storableText().trim().max(120).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListSignupsQuery = z.infer<typeof listSignupsQuerySchema>;

export const updateSignupSchema = z.object({ status: z.enum(SIGNUP_STATUSES) }).strict();

/**
 * The instants PostgreSQL takes as we send them (toISOString: a 4-digit year, in UTC). JavaScript also reads
 * year 0 and years past 9999, which PostgreSQL refuses, so every date from outside is checked against this.
 */
const STORABLE_MIN = Date.parse("0001-01-01T00:00:00.000Z");
const STORABLE_MAX = Date.parse("9999-12-31T23:59:59.999Z");
export const STORABLE_DATE_RANGE = "between the years 1 and 9999";

export function isStorableDate(date: Date): boolean {
  const t = date.getTime();
  return t >= STORABLE_MIN && t <= STORABLE_MAX;
}

const isoDate = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), "Use a date like 2026-11-23 or an ISO 8601 time.")
  .refine((v) => isStorableDate(new Date(v)), `Use a date ${STORABLE_DATE_RANGE} (in UTC).`)
  .transform((v) => new Date(v).toISOString());

/** Filters of the CSV export (GET /api/waitlists/:id/export.csv). */
const emptyAsUnset = (v: unknown) => (v === "" ? undefined : v);

export const exportQuerySchema = z.object({
  // "all" is everyone in line or let in; pending people (double opt-in) only with include_pending, or alone.
  status: z.enum([...LISTED_STATUSES, "all"]).default("all"),
  include_pending: z.preprocess(
    emptyAsUnset,
    z.enum(["0", "1", "true", "false"], { error: "include_pending is 1 or 0." }).transform((v) => v === "1" || v === "true").optional(),
  ),
  // The dashboard's plain GET form sends empty date fields as "".
  joined_after: z.preprocess(emptyAsUnset, isoDate.optional()),
  joined_before: z.preprocess(emptyAsUnset, isoDate.optional()),
});

export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The CSV columns, in order: the export writes them and the import reads them back. */
export const CSV_COLUMNS = [
  "position", "email", "name", "company", "twitter", "ref_code", "referred_by", "referrals", "status", "joined_at",
  // A product's user id (feature waitlists, docs/feature-waitlists.md); empty for everyone else.
  "external_id",
] as const;

/** Options of the CSV import (POST /api/waitlists/:id/import?dry_run=1&welcome=1); other parameters are ignored. */
export const importQuerySchema = z.object({
  dry_run: z.enum(["0", "1"], "dry_run: 1 or 0").optional(),
  // Off unless asked: imported people signed up somewhere else and may not expect mail from this list.
  welcome: z.enum(["0", "1"], "welcome: 1 or 0").optional(),
});
