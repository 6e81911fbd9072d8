import "server-only";
import { AppError } from "@/lib/errors";
import { pool } from "@/lib/db";
import { hashStatusToken } from "@/lib/signups/codes";
import { isStatusTokenShape } from "@/lib/signups/status";

// One-click unsubscribe (RFC 8058). The token in the link is the only credential: no login, no email address
// in the URL. Unsubscribing only stops mail (the worker checks unsubscribed_at at send time); the person keeps
// their place in line, their status link and their referral credit.

/** The body RFC 8058 mail clients POST, and the confirm page's form too. */
export const ONE_CLICK_FIELD = "List-Unsubscribe";
export const ONE_CLICK_VALUE = "One-Click";
export const UNSUBSCRIBE_MAX_BYTES = 2048;

export type UnsubscribeView = { waitlistTitle: string; unsubscribed: boolean };

function notFound(): AppError {
  return new AppError("not_found", "This unsubscribe link is not valid. Use the link from your most recent email.");
}

/** For the confirm page: whose list this is and whether it is done already; null for an unknown token. */
export async function describeUnsubscribe(token: string): Promise<UnsubscribeView | null> {
  if (!isStatusTokenShape(token)) return null;
  const { rows } = await pool().query<{ title: string; unsubscribed_at: Date | null }>(
    `SELECT w.title, s.unsubscribed_at
       FROM signup_tokens t JOIN signups s ON s.id = t.signup_id JOIN waitlists w ON w.id = s.waitlist_id
      WHERE t.token_hash = $1 AND t.purpose = 'unsubscribe'`,
    [hashStatusToken(token)],
  );
  const row = rows[0];
  return row ? { waitlistTitle: row.title, unsubscribed: row.unsubscribed_at !== null } : null;
}

/** Unsubscribes the token's signup; idempotent (a second click is a success too). Throws not_found. */
export async function unsubscribe(token: string): Promise<void> {
  if (!isStatusTokenShape(token)) throw notFound();
  const { rows } = await pool().query<{ id: string }>(
    `UPDATE signups s SET unsubscribed_at = COALESCE(s.unsubscribed_at, now())
       FROM signup_tokens t
      WHERE t.token_hash = $1 AND t.purpose = 'unsubscribe' AND s.id = t.signup_id
      RETURNING s.id`,
    [hashStatusToken(token)],
  );
  if (rows.length === 0) throw notFound();
}
