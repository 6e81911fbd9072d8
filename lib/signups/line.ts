import "server-only";
import type { Pool, PoolClient } from "pg";
import { effectiveCap, plans, type PlanId } from "@/lib/billing/plans";
import { pool, withTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { jobs } from "@/lib/jobs/boss";
import { jobInsertSql } from "@/lib/jobs/in-statement";
import { blockOf, blockSql } from "@/lib/signups/position";

// The keeper of the line. A waitlist's counters (next_seq, waiting_count, signup_count) and its per-block
// waiting counts (signup_blocks, see lib/signups/position.ts) change only here, in the same transaction as the
// change of a signup's existence, status or score they count, and always under the waitlist row lock: changes
// to one list are serialised in one order, so positions stay gapless and no deadlock forms between a signup
// and an owner's edit.
//
// One style: raw SQL on one pg client inside withLockedLine(). The exception is a single signup, which is one
// statement committed on its own (joinLine): the row lock is then held only while the server runs it, not
// across round trips, which is what bounds signups per second per list (README, Benchmarks).

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
 * without calling `fn`, when there is no such waitlist (or, with `ownerId`, it belongs to someone else).
 */
export async function withLockedLine<T>(
  waitlistId: string,
  fn: (line: Line) => Promise<T>,
  ownerId?: string,
): Promise<T | null> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<LockedWaitlist>(
      `SELECT id, slug, next_seq AS "nextSeq", signup_count AS "signupCount", waiting_count AS "waitingCount",
              capacity, plan, referral_boost AS "referralBoost"
         FROM waitlists WHERE id = $1 AND ($2::text IS NULL OR owner_id = $2) FOR UPDATE`,
      [waitlistId, ownerId ?? null],
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

export type JoinInput = {
  waitlistId: string;
  email: string;
  name: string | null;
  company: string | null;
  twitter: string | null;
  refCode: string;
  statusTokenHash: string;
  /** The referrer's code as given (already shape-checked); null for none. */
  referrerCode: string | null;
};

/** locked: the list was open and had room; id and position: set when the person was appended. */
export type JoinResult = { locked: boolean; id: string | null; position: number | null };

// One statement, one round trip, committed on its own:
//   lock   takes the waitlist row (FOR UPDATE) if it is open and under its caps: otherwise no row, no insert
//   ins    appends the person as seq next_seq+1, crediting the referrer's code when it names one of the list
//   w      moves the counters only if ins inserted (a duplicate email changes nothing)
//   credit moves the referrer up by the boost
//   blk    keeps signup_blocks in step: +1 for the newcomer, and the referrer's move from one block to another
//          while waiting
//   job    queues the newcomer's welcome email (lib/jobs/in-statement.ts): it commits with them or not at all
// The plan caps come from the plans table ($9 Free, $10 Pro; null = no plan cap).
const joinSql = () => `
WITH lock AS (
  SELECT id, next_seq, referral_boost FROM waitlists
   WHERE id = $1 AND is_open
     AND (capacity IS NULL OR signup_count < capacity)
     AND signup_count < COALESCE(CASE WHEN plan = 'PRO' THEN $10::int ELSE $9::int END, 2147483647)
   FOR UPDATE
), ins AS (
  INSERT INTO signups (waitlist_id, email, name, company, twitter, ref_code, seq, score, status_token_hash, referred_by_id)
  SELECT lock.id, $2, $3, $4, $5, $6, lock.next_seq + 1, lock.next_seq + 1, $7,
         (SELECT r.id FROM signups r WHERE r.waitlist_id = $1 AND r.ref_code = $8)
    FROM lock
  ON CONFLICT (waitlist_id, email) DO NOTHING
  RETURNING id, seq, referred_by_id
), w AS (
  UPDATE waitlists SET next_seq = next_seq + 1, waiting_count = waiting_count + 1, signup_count = signup_count + 1
    FROM ins WHERE waitlists.id = $1
  RETURNING waitlists.waiting_count
), credit AS (
  UPDATE signups r SET referral_count = r.referral_count + 1, score = r.score - lock.referral_boost
    FROM ins, lock WHERE r.id = ins.referred_by_id
  RETURNING r.score AS new_score, r.score + lock.referral_boost AS old_score, r.status
), deltas AS (
  SELECT block, SUM(delta)::int AS delta FROM (
    SELECT ${blockSql("ins.seq")} AS block, 1 AS delta FROM ins
    UNION ALL SELECT ${blockSql("old_score")}, -1 FROM credit WHERE status = 'WAITING'
    UNION ALL SELECT ${blockSql("new_score")}, 1 FROM credit WHERE status = 'WAITING'
  ) d GROUP BY block
), blk AS (
  INSERT INTO signup_blocks (waitlist_id, block, waiting)
  SELECT $1, block, delta FROM deltas WHERE delta <> 0
  ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting
), job AS (
  ${jobInsertSql("signup-welcome", "ins", "jsonb_build_object('signupId', ins.id)", "'welcome:' || ins.id")}
)
SELECT (SELECT COUNT(*) FROM lock)::int AS locked, (SELECT id FROM ins) AS id,
       (SELECT waiting_count FROM w) AS position
`;

/**
 * Appends one person to the back of the line, crediting their referrer. A new signup has the highest score of
 * everyone waiting, so its position is the new waiting count. Throws the database's unique violation when the
 * ref code or token hash collided (the statement rolled back whole).
 */
export async function joinLine(input: JoinInput): Promise<JoinResult> {
  const caps = plans(env().FREE_SIGNUP_CAP);
  await jobs(); // the job queue's schema and queues, ensured once per process
  const { rows } = await pool().query<{ locked: number; id: string | null; position: number | null }>(joinSql(), [
    input.waitlistId, input.email, input.name, input.company, input.twitter, input.refCode, input.statusTokenHash,
    input.referrerCode, caps.FREE.signupCap, caps.PRO.signupCap,
  ]);
  const row = rows[0];
  return { locked: Boolean(row?.locked), id: row?.id ?? null, position: row?.position ?? null };
}

/**
 * Counts people the caller has just inserted under this lock as waiting rows with these seqs (taken in order
 * from line.waitlist.nextSeq + 1, score = seq): moves next_seq and both counters and adds them to their blocks.
 */
export async function recordJoined(line: Line, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  await line.client.query(
    `UPDATE waitlists SET next_seq = next_seq + $2, signup_count = signup_count + $2, waiting_count = waiting_count + $2
      WHERE id = $1`,
    [line.waitlist.id, seqs.length],
  );
  const deltas = new Map<number, number>();
  for (const seq of seqs) deltas.set(blockOf(seq), (deltas.get(blockOf(seq)) ?? 0) + 1);
  await addToBlocks(line.client, line.waitlist.id, deltas);
  // The locked snapshot stays true for the rest of this transaction (the next batch numbers after these).
  line.waitlist.nextSeq += seqs.length;
  line.waitlist.signupCount += seqs.length;
  line.waitlist.waitingCount += seqs.length;
}

/** Removes a person (owner action): everyone behind them moves up one place. Scoped by waitlist id. */
export async function removeSignup(waitlistId: string, signupId: string): Promise<boolean> {
  const removed = await withLockedLine(waitlistId, async ({ client }) => {
    const { rows } = await client.query<{ score: number; status: "WAITING" | "INVITED" }>(
      `DELETE FROM signups WHERE id = $1::uuid AND waitlist_id = $2 RETURNING score, status`,
      [signupId, waitlistId],
    );
    const row = rows[0];
    if (!row) return false;
    const waiting = row.status === "WAITING";
    await client.query(
      `UPDATE waitlists SET signup_count = signup_count - 1, waiting_count = waiting_count - $2 WHERE id = $1`,
      [waitlistId, waiting ? 1 : 0],
    );
    if (waiting) await addToBlocks(client, waitlistId, new Map([[blockOf(row.score), -1]]));
    return true;
  });
  return removed ?? false;
}

/** Lets a waiting person in (or puts an invited one back in line). Returns false when nothing changed. */
export async function setSignupStatus(waitlistId: string, signupId: string, status: "WAITING" | "INVITED"): Promise<boolean> {
  const changed = await withLockedLine(waitlistId, async ({ client }) => {
    const { rows } = await client.query<{ score: number }>(
      `UPDATE signups SET status = $3::"SignupStatus"
        WHERE id = $1::uuid AND waitlist_id = $2 AND status <> $3::"SignupStatus" RETURNING score`,
      [signupId, waitlistId, status],
    );
    const row = rows[0];
    if (!row) return false;
    const delta = status === "WAITING" ? 1 : -1;
    await client.query(`UPDATE waitlists SET waiting_count = waiting_count + $2 WHERE id = $1`, [waitlistId, delta]);
    await addToBlocks(client, waitlistId, new Map([[blockOf(row.score), delta]]));
    return true;
  });
  return changed ?? false;
}

/** A new referral boost: stored, every score recomputed with it, the block counts rebuilt from the rows. */
export async function rescoreLine(line: Line, boost: number): Promise<void> {
  const id = line.waitlist.id;
  await line.client.query(`UPDATE waitlists SET referral_boost = $2, updated_at = now() WHERE id = $1`, [id, boost]);
  await line.client.query(
    `UPDATE signups SET score = seq - $2 * referral_count
      WHERE waitlist_id = $1 AND score <> seq - $2 * referral_count`,
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
