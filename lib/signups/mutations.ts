import "server-only";
import type { Pool } from "pg";
import { db, pool } from "@/lib/db";
import { env } from "@/lib/env";
import { jobs } from "@/lib/jobs/boss";
import { jobInsertSql } from "@/lib/jobs/in-statement";
import { newRefCode, newStatusToken } from "@/lib/signups/codes";
import { blockOf, blockSql, positionOf } from "@/lib/signups/position";
import { REF_CODE_PATTERN } from "@/lib/signups/schemas";

// Writes to the line. Every change takes the waitlist row lock first (the counter UPDATE or SELECT ... FOR
// UPDATE), so changes to one waitlist are serialised in one order: positions stay gapless and no deadlock
// can form between a signup and an owner's edit.

export type NewSignup = {
  waitlistId: string;
  email: string;
  name?: string | null;
  company?: string | null;
  twitter?: string | null;
  ref?: string | null;
};

export type CreateSignupResult =
  | { kind: "created"; id: string; position: number; refCode: string; statusToken: string }
  | { kind: "duplicate"; position: number | null; refCode: string; status: "WAITING" | "INVITED" }
  | { kind: "full" }
  | { kind: "closed" }
  | { kind: "not_found" };

type SignupRow = { locked: number; id: string | null; position: number | null };

const MAX_CODE_ATTEMPTS = 5;
const UNIQUE_VIOLATION = "23505";

// One statement, one round trip, committed on its own: the waitlist row lock is held only while the server
// runs it and commits, not across network round trips, which is what bounds signups per second per list.
//   lock   takes the waitlist row (FOR UPDATE) if it is open and under its caps: otherwise no row, no insert
//   ins    appends the person as seq next_seq+1, crediting the referrer's code when it names one of the list
//   w      moves the counters only if ins inserted (a duplicate email changes nothing)
//   credit moves the referrer up by the boost
//   blk    keeps signup_blocks in step (lib/signups/position.ts): +1 for the newcomer, and the referrer's
//          move from one block to another while waiting
//   job    queues the welcome email (lib/jobs/in-statement.ts): it commits with the signup or not at all
const signupSql = () => `
WITH lock AS (
  SELECT id, next_seq, referral_boost FROM waitlists
   WHERE id = $1 AND is_open
     AND (capacity IS NULL OR signup_count < capacity)
     AND (plan = 'PRO' OR signup_count < $9)
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

export async function createSignup(input: NewSignup): Promise<CreateSignupResult> {
  const ref = input.ref && REF_CODE_PATTERN.test(input.ref) ? input.ref : null;
  for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt++) {
    const refCode = newRefCode();
    const status = newStatusToken();
    let row: SignupRow | undefined;
    try {
      await jobs(); // the job queue's schema and queues, ensured once per process
      const result = await pool().query<SignupRow>(signupSql(), [
        input.waitlistId, input.email, input.name ?? null, input.company ?? null, input.twitter ?? null, refCode,
        status.hash, ref, env().FREE_SIGNUP_CAP,
      ]);
      row = result.rows[0];
    } catch (error) {
      // A random referral code (or token hash) collided: the statement rolled back whole; new values.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) continue;
      throw error;
    }
    if (row?.id && row.position !== null) {
      // A new signup has the highest score of everyone waiting, so it is last: its position is the count.
      return { kind: "created", id: row.id, position: row.position, refCode, statusToken: status.token };
    }
    return row?.locked ? duplicateOf(pool(), input.waitlistId, input.email) : explainRefusal(input);
  }
  throw new Error("could not allocate a unique referral code");
}

async function explainRefusal(input: NewSignup): Promise<CreateSignupResult> {
  const client = pool();
  const duplicate = await duplicateOf(client, input.waitlistId, input.email);
  if (duplicate.kind === "duplicate") return duplicate;
  const { rows } = await client.query<{ is_open: boolean }>(`SELECT is_open FROM waitlists WHERE id = $1`, [
    input.waitlistId,
  ]);
  const w = rows[0];
  if (!w) return { kind: "not_found" };
  return w.is_open ? { kind: "full" } : { kind: "closed" };
}

async function duplicateOf(client: Pool, waitlistId: string, email: string): Promise<CreateSignupResult> {
  const { rows } = await client.query<{ ref_code: string; score: number; seq: number; status: "WAITING" | "INVITED" }>(
    `SELECT ref_code, score, seq, status FROM signups WHERE waitlist_id = $1 AND email = $2`,
    [waitlistId, email],
  );
  const existing = rows[0];
  if (!existing) return { kind: "not_found" };
  const position = existing.status === "WAITING" ? await positionOf(client, waitlistId, existing.score, existing.seq) : null;
  return { kind: "duplicate", position, refCode: existing.ref_code, status: existing.status };
}

/** Removes a person (owner action): everyone behind them moves up one place. Scoped by waitlist id. */
export async function removeSignup(waitlistId: string, signupId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM waitlists WHERE id = ${waitlistId} FOR UPDATE`;
    const removed = await tx.$queryRaw<{ score: number; status: string }[]>`
      DELETE FROM signups WHERE id = ${signupId}::uuid AND waitlist_id = ${waitlistId} RETURNING score, status`;
    const row = removed[0];
    if (!row) return false;
    const waiting = row.status === "WAITING";
    await tx.$executeRaw`UPDATE waitlists SET signup_count = signup_count - 1,
      waiting_count = waiting_count - ${waiting ? 1 : 0} WHERE id = ${waitlistId}`;
    if (waiting) {
      await tx.$executeRaw`UPDATE signup_blocks SET waiting = waiting - 1
        WHERE waitlist_id = ${waitlistId} AND block = ${blockOf(row.score)}`;
    }
    return true;
  });
}

/** Lets a waiting person in (or puts an invited one back in line). Returns false when nothing changed. */
export async function setSignupStatus(
  waitlistId: string,
  signupId: string,
  status: "WAITING" | "INVITED",
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM waitlists WHERE id = ${waitlistId} FOR UPDATE`;
    const changed = await tx.$queryRaw<{ score: number }[]>`
      UPDATE signups SET status = ${status}::"SignupStatus"
       WHERE id = ${signupId}::uuid AND waitlist_id = ${waitlistId} AND status <> ${status}::"SignupStatus"
       RETURNING score`;
    const row = changed[0];
    if (!row) return false;
    const delta = status === "WAITING" ? 1 : -1;
    await tx.$executeRaw`UPDATE waitlists SET waiting_count = waiting_count + ${delta} WHERE id = ${waitlistId}`;
    await tx.$executeRaw`INSERT INTO signup_blocks (waitlist_id, block, waiting)
      VALUES (${waitlistId}, ${blockOf(row.score)}, ${delta})
      ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting`;
    return true;
  });
}
