import "server-only";
import { jobs } from "@/lib/jobs/boss";
import { enqueue } from "@/lib/jobs/enqueue";
import { newStatusToken } from "@/lib/signups/codes";
import { withLockedLine } from "@/lib/signups/line";
import { blockDeltaCtes, blockSql, positionOf, scoreSql } from "@/lib/signups/position";
import { velocityHoldArms } from "@/lib/signups/velocity";
import type { SignupStatusValue } from "@/lib/signups/statuses";

// The line's keeper for double opt-in confirmations (lib/signups/line.ts re-exports it). Under the waitlist
// row lock, in one transaction: the pending person becomes WAITING at the score they were stored with (so
// their place is the one the signup answer promised, give or take people who moved meanwhile), joins
// waiting_count and their block, their referrer is credited now, by the rules of the signup statement's
// credit step (lib/signups/line-join.ts: referral_count + 1, rescored, blocks moved while waiting), and
// the welcome job is queued with the change. A second confirmation finds nobody pending and changes nothing.
// Whoever typed the address in before it was confirmed may hold the signup's first status token, and every
// confirm link is a key until used: the confirmation replaces the stored status token hash with one of a token
// nobody is given, and deletes the person's confirm tokens (the confirm POST mints the confirmed person a
// fresh status link instead, lib/signups/confirmation.ts).

export type ConfirmOutcome =
  | { kind: "confirmed"; position: number }
  /** Not pending (any more): confirmed before, or the owner changed their status. */
  | { kind: "already"; status: SignupStatusValue; position: number | null }
  | { kind: "not_found" };

// $1 signup id, $2 waitlist id, $3 the locked list's referral boost, $4 the new status token hash.
// The referrer's credit follows the signup statement's rules (lib/signups/line-join.ts), velocity included:
// held for review when this referrer already has enough credited-or-held referees from the same IP or network
// in the window (referral_credit is set only once confirmed, so pending ones do not count).
const CONFIRM_SQL = `
WITH lw AS (
  SELECT velocity_per_ip, velocity_per_network, make_interval(mins => velocity_window_minutes) AS win
    FROM waitlists WHERE id = $2
), hold AS (
  SELECT CASE WHEN p.referred_by_id IS NULL THEN NULL
              ${velocityHoldArms({
                me: "p",
                referrer: "p.referred_by_id",
                perIp: "lw.velocity_per_ip",
                perNetwork: "lw.velocity_per_network",
                window: "lw.win",
              })}
         END AS reason
    FROM signups p, lw WHERE p.id = $1::uuid AND p.waitlist_id = $2
), me AS (
  UPDATE signups SET status = 'WAITING', confirmed_at = now(), status_token_hash = $4,
         referral_credit = CASE WHEN referred_by_id IS NULL THEN NULL
                                WHEN (SELECT reason FROM hold) IS NOT NULL THEN 'held' ELSE 'credited' END,
         hold_reason = (SELECT reason FROM hold)
   WHERE id = $1::uuid AND waitlist_id = $2 AND status = 'PENDING'
  RETURNING id, score, seq, referred_by_id, referral_credit
), used AS (
  DELETE FROM signup_tokens t USING me WHERE t.signup_id = me.id AND t.purpose = 'confirm'
), w AS (
  UPDATE waitlists SET waiting_count = waiting_count + 1 FROM me WHERE waitlists.id = $2
  RETURNING waitlists.id
), credit AS (
  UPDATE signups r SET referral_count = r.referral_count + 1,
         score = ${scoreSql("r.seq", "r.referral_count + 1", "$3::int")}
    FROM me, signups o
   WHERE r.id = me.referred_by_id AND r.waitlist_id = $2 AND me.referral_credit = 'credited' AND o.id = r.id
  RETURNING r.score AS new_score, o.score AS old_score, r.status
), ${blockDeltaCtes(`SELECT ${blockSql("me.score")} AS block, 1 AS delta FROM me`, "$2")}
SELECT id, score, seq FROM me`;

/** Confirms a pending signup of this waitlist (double opt-in). */
export async function confirmPendingSignup(waitlistId: string, signupId: string): Promise<ConfirmOutcome> {
  await jobs(); // the producer starts before the line's lock is taken (its first start sets pg-boss up)
  const outcome = await withLockedLine(waitlistId, async ({ client, waitlist }): Promise<ConfirmOutcome> => {
    const { rows } = await client.query<{ id: string; score: number; seq: number }>(CONFIRM_SQL, [
      signupId,
      waitlistId,
      waitlist.referralBoost,
      newStatusToken().hash,
    ]);
    const me = rows[0];
    if (me) {
      await enqueue("signup-welcome", { signupId }, { client });
      return { kind: "confirmed", position: await positionOf(client, waitlistId, me.score, me.seq) };
    }
    const current = await client.query<{ status: SignupStatusValue; score: number; seq: number }>(
      `SELECT status, score, seq FROM signups WHERE id = $1::uuid AND waitlist_id = $2`,
      [signupId, waitlistId],
    );
    const row = current.rows[0];
    if (!row) return { kind: "not_found" };
    const position = row.status === "WAITING" ? await positionOf(client, waitlistId, row.score, row.seq) : null;
    return { kind: "already", status: row.status, position };
  });
  return outcome ?? { kind: "not_found" };
}
