import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { pool } from "@/lib/db";
import { enqueue } from "@/lib/jobs/enqueue";
import { consumeSignupMailCap } from "@/lib/signup-email/mail-caps";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { hashStatusToken } from "@/lib/signups/codes";
import { confirmPendingSignup, type ConfirmOutcome } from "@/lib/signups/line";
import { isStatusTokenShape } from "@/lib/signups/status";
import type { SignupStatusValue } from "@/lib/signups/statuses";

// Double opt-in around the keeper (lib/signups/line-confirm.ts): the mail caps spent before a signup that
// will be mailed is stored, the re-send for someone who signs up again while pending, and the emailed confirm
// link (a "confirm" token, stored hashed) as the confirm page and its POST see it.

/**
 * Spends one publicly triggered email to `email` (lib/signup-email/mail-caps.ts), or refuses with 429
 * too_many_emails before anything is stored.
 */
export async function spendConfirmationMail(email: string, ip: string): Promise<void> {
  const decision = await consumeSignupMailCap(email, ip);
  if (decision.allowed) return;
  throw new AppError(
    "too_many_emails",
    decision.scope === "recipient"
      ? "We've already sent this address several confirmation emails today. Check your inbox (and spam folder) for the latest one, or try again tomorrow."
      : "Too many confirmation emails were requested from your network. Try again later.",
    "email",
    { "Retry-After": String(Math.max(1, decision.resetSeconds)) },
  );
}

/** Queues one more confirmation email for a person still pending on this list (callers spent the cap). */
export async function resendConfirmation(waitlistId: string, email: string): Promise<void> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT id FROM signups
      WHERE waitlist_id = $1 AND mailbox = canonical_mailbox($2) AND NOT mailbox_shared AND status = 'PENDING'`,
    [waitlistId, email],
  );
  const pending = rows[0];
  if (pending) await enqueue("signup-confirm", { signupId: pending.id, resend: randomUUID() });
}

export type ConfirmationView = {
  waitlistTitle: string;
  slug: string;
  status: SignupStatusValue;
};

type TokenRow = { signup_id: string; waitlist_id: string; title: string; slug: string; status: SignupStatusValue };

async function signupOfConfirmToken(token: string): Promise<TokenRow | null> {
  if (!isStatusTokenShape(token)) return null;
  const { rows } = await pool().query<TokenRow>(
    `SELECT s.id AS signup_id, s.waitlist_id, w.title, w.slug, s.status
       FROM signup_tokens t JOIN signups s ON s.id = t.signup_id JOIN waitlists w ON w.id = s.waitlist_id
      WHERE t.token_hash = $1 AND t.purpose = 'confirm'`,
    [hashStatusToken(token)],
  );
  return rows[0] ?? null;
}

/**
 * For the confirm page (GET changes nothing): whose list, and whether it is done already; null if unknown (or
 * used: confirming deletes the person's confirm links). Nothing of the person's own: a confirm link reads nothing.
 */
export async function describeConfirmation(token: string): Promise<ConfirmationView | null> {
  const row = await signupOfConfirmToken(token);
  return row ? { waitlistTitle: row.title, slug: row.slug, status: row.status } : null;
}

export type ConfirmedByToken = {
  outcome: Exclude<ConfirmOutcome, { kind: "not_found" }>;
  slug: string;
  /** With `statusLink`, when this call confirmed them: a fresh private status link for the page that follows. */
  statusToken: string | null;
};

/**
 * Confirms the token's signup; the link is single-use (a concurrent second use answers "already", a later one
 * not_found). Throws not_found for a token that is not a confirm link of anyone's. Only the confirmation itself
 * mints a status link: a confirm link that lingers in a mailbox or a forward must not read the person later.
 */
export async function confirmByToken(token: string, options: { statusLink: boolean }): Promise<ConfirmedByToken> {
  const row = await signupOfConfirmToken(token);
  const outcome = row ? await confirmPendingSignup(row.waitlist_id, row.signup_id) : null;
  if (!row || !outcome || outcome.kind === "not_found") {
    throw new AppError("not_found", "This confirmation link is not valid, or it was used already.");
  }
  const statusToken = options.statusLink && outcome.kind === "confirmed" ? await mintSignupToken(row.signup_id, "status") : null;
  return { outcome, slug: row.slug, statusToken };
}
