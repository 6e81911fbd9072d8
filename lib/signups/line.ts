import "server-only";
import type { Pool, PoolClient } from "pg";
import { effectiveCap, plans, type PlanId } from "@/lib/billing/plans";
import { withTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { blockOf, blockSql, scoreOf, scoreSql } from "@/lib/signups/position";
import type { SignupStatusValue } from "@/lib/signups/statuses";

export { joinLine, type JoinInput, type JoinResult } from "@/lib/signups/line-join";
export { confirmPendingSignup, type ConfirmOutcome } from "@/lib/signups/line-confirm";
export { admitInLine, inviteSignups, setSignupStatus, type AdmitSelection, type OwnerStatus } from "@/lib/signups/line-admit";
export { approveHeld, rejectHeld } from "@/lib/signups/line-credit";
import { moveCredits } from "@/lib/signups/line-credit";
import { forgetSignupEvents } from "@/lib/webhooks/retention";

// The keeper of the line. A waitlist's counters (next_seq, waiting_count, signup_count) and its per-block
// waiting counts (signup_blocks, see lib/signups/position.ts) change only here, in the same transaction as the
// change of a signup's existence, status or score they count, and always under the waitlist row lock: changes
// to one list are serialised in one order, so positions stay gapless and no deadlock forms between a signup
// and an owner's edit.
//
// One style: raw SQL on one pg client inside withLockedLine(). The exception is signups (joinLine, in
// lib/signups/line-join.ts): the ones arriving together on a list are appended by one statement committed on
// its own (group commit), so the row lock is taken once per batch and held only while the server runs it.

type Queryable = Pool | PoolClient;

/** The waitlist row as locked: what a change to the line decides with. */
export type LockedWaitlist = {
  id: string;
  slug: string;
  nextSeq: number;
  signupCount: number;
  waitingCount: number;
  capacity: number | null;
  plan: PlanId;
  referralBoost: number;
};

/** A transaction holding the waitlist row lock. */
export type Line = { client: PoolClient; waitlist: LockedWaitlist };

/**
 * Runs `fn` in one transaction that first takes the waitlist row lock (as every signup does). Returns null,
 * without calling `fn`, when there is no such waitlist (or, with `teamId`, it belongs to someone else).
 */
export async function withLockedLine<T>(
  waitlistId: string,
  fn: (line: Line) => Promise<T>,
  teamId?: string,
): Promise<T | null> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<LockedWaitlist>(
      `SELECT id, slug, next_seq AS "nextSeq", signup_count AS "signupCount", waiting_count AS "waitingCount",
              capacity, plan, referral_boost AS "referralBoost"
         FROM waitlists WHERE id = $1 AND ($2::text IS NULL OR team_id = $2) FOR UPDATE`,
      [waitlistId, teamId ?? null],
    );
    const waitlist = rows[0];
    return waitlist ? fn({ client, waitlist }) : null;
  });
}

/** How many more people the locked waitlist may take (its plan's cap and the owner's capacity). */
export function roomLeft(w: LockedWaitlist): number {
  const cap = effectiveCap(plans(env().FREE_SIGNUP_CAP)[w.plan], w.capacity);
  return cap === null ? Number.POSITIVE_INFINITY : Math.max(0, cap - w.signupCount);
}

/**
 * Counts people the caller has just inserted under this lock as waiting rows with these seqs (taken in order
 * from line.waitlist.nextSeq + 1, score = scoreOf(seq, 0)): moves next_seq and both counters and adds them to their blocks.
 */
export async function recordJoined(line: Line, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  await line.client.query(
    `UPDATE waitlists SET next_seq = next_seq + $2, signup_count = signup_count + $2, waiting_count = waiting_count + $2
      WHERE id = $1`,
    [line.waitlist.id, seqs.length],
  );
  const deltas = new Map<number, number>();
  for (const seq of seqs) {
    const block = blockOf(scoreOf(seq, 0, line.waitlist.referralBoost));
    deltas.set(block, (deltas.get(block) ?? 0) + 1);
  }
  await addToBlocks(line.client, line.waitlist.id, deltas);
  // The locked snapshot stays true for the rest of this transaction (the next batch numbers after these).
  line.waitlist.nextSeq += seqs.length;
  line.waitlist.signupCount += seqs.length;
  line.waitlist.waitingCount += seqs.length;
}

/**
 * Deletes a person: everyone behind them moves up one place. Scoped by waitlist id. The owner's delete takes
 * back the credit they gave their referrer; the person's own erasure keeps it (`keepCredit`, docs/privacy.md:
 * a friend leaving should not cost the one who brought them).
 */
export async function removeSignup(waitlistId: string, signupId: string, { keepCredit = false } = {}): Promise<boolean> {
  const removed = await withLockedLine(waitlistId, async (line) => {
    const { client } = line;
    const { rows } = await client.query<{
      score: number;
      status: SignupStatusValue;
      referred_by_id: string | null;
      referral_credit: string | null;
    }>(
      `DELETE FROM signups WHERE id = $1::uuid AND waitlist_id = $2 RETURNING score, status, referred_by_id, referral_credit`,
      [signupId, waitlistId],
    );
    const row = rows[0];
    if (!row) return false;
    const waiting = row.status === "WAITING";
    // A removed person was already taken off signup_count (lib/signups/line-admit.ts).
    await client.query(
      `UPDATE waitlists SET signup_count = signup_count - $3, waiting_count = waiting_count - $2 WHERE id = $1`,
      [waitlistId, waiting ? 1 : 0, row.status === "REMOVED" ? 0 : 1],
    );
    if (waiting) await addToBlocks(client, waitlistId, new Map([[blockOf(row.score), -1]]));
    // Deleted means gone from the webhook events too (all but the signup.deleted one), in this transaction.
    await forgetSignupEvents(waitlistId, signupId, client);
    if (!keepCredit && row.referred_by_id && row.referral_credit === "credited") await moveCredits(line, new Map([[row.referred_by_id, -1]]));
    return true;
  });
  return removed ?? false;
}

/** A new referral boost: stored, every score recomputed with it, the block counts rebuilt from the rows. */
export async function rescoreLine(line: Line, boost: number): Promise<void> {
  const id = line.waitlist.id;
  await line.client.query(`UPDATE waitlists SET referral_boost = $2, updated_at = now() WHERE id = $1`, [id, boost]);
  await line.client.query(
    `UPDATE signups SET score = ${scoreSql("seq", "referral_count", "$2::int")}
      WHERE waitlist_id = $1 AND score <> ${scoreSql("seq", "referral_count", "$2::int")}`,
    [id, boost],
  );
  await rebuildBlocks(line.client, id);
}

/** Recounts signup_blocks from the rows. Callers hold the row lock, or own the list outright (a bulk load). */
export async function rebuildBlocks(q: Queryable, waitlistId: string): Promise<void> {
  await q.query(`DELETE FROM signup_blocks WHERE waitlist_id = $1`, [waitlistId]);
  await q.query(
    `INSERT INTO signup_blocks (waitlist_id, block, waiting)
     SELECT $1, ${blockSql("score")}, COUNT(*) FROM signups
      WHERE waitlist_id = $1 AND status = 'WAITING' GROUP BY 1, 2`,
    [waitlistId],
  );
}

/** Adds per-block changes of waiting counts (block -> +n/-n) in one statement. */
async function addToBlocks(client: PoolClient, waitlistId: string, deltas: Map<number, number>): Promise<void> {
  const entries = [...deltas].filter(([, d]) => d !== 0);
  if (entries.length === 0) return;
  await client.query(
    `INSERT INTO signup_blocks (waitlist_id, block, waiting)
     SELECT $1, b, d FROM unnest($2::int[], $3::int[]) AS t(b, d)
     ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting`,
    [waitlistId, entries.map(([b]) => b), entries.map(([, d]) => d)],
  );
}
