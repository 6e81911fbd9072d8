import "server-only";
import type { PoolClient } from "pg";
import { db, pool } from "@/lib/db";
import { env } from "@/lib/env";
import { newRefCode, newStatusToken } from "@/lib/signups/codes";
import { addDelta, applyBlockDeltas, blockOf, moveDeltas, positionOf } from "@/lib/signups/position";
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

const MAX_CODE_ATTEMPTS = 5;
const UNIQUE_VIOLATION = "23505";

export async function createSignup(input: NewSignup): Promise<CreateSignupResult> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt++) {
      const outcome = await tryCreate(client, input);
      if (outcome !== "retry") return outcome;
    }
    throw new Error("could not allocate a unique referral code");
  } catch (error) {
    broken = error instanceof Error ? error : new Error("signup failed");
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    // A client that failed mid-transaction is destroyed rather than reused.
    client.release(broken);
  }
}

async function tryCreate(client: PoolClient, input: NewSignup): Promise<CreateSignupResult | "retry"> {
  await client.query("BEGIN");
  const locked = await client.query<{ next_seq: number; waiting_count: number; referral_boost: number }>(
    `UPDATE waitlists
        SET next_seq = next_seq + 1, waiting_count = waiting_count + 1, signup_count = signup_count + 1
      WHERE id = $1 AND is_open
        AND (capacity IS NULL OR signup_count < capacity)
        AND (plan = 'PRO' OR signup_count < $2)
      RETURNING next_seq, waiting_count, referral_boost`,
    [input.waitlistId, env().FREE_SIGNUP_CAP],
  );
  const lockedRow = locked.rows[0];
  if (!lockedRow) {
    await client.query("ROLLBACK");
    return explainRefusal(client, input);
  }

  const seq = lockedRow.next_seq;
  const refCode = newRefCode();
  const status = newStatusToken();
  const ref = input.ref && REF_CODE_PATTERN.test(input.ref) ? input.ref : null;
  let inserted;
  try {
    inserted = await client.query<{ id: string; referred_by_id: string | null }>(
      `INSERT INTO signups
         (waitlist_id, email, name, company, twitter, ref_code, seq, score, status_token_hash, referred_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8,
               (SELECT id FROM signups WHERE waitlist_id = $1 AND ref_code = $9))
       ON CONFLICT (waitlist_id, email) DO NOTHING
       RETURNING id, referred_by_id`,
      [input.waitlistId, input.email, input.name ?? null, input.company ?? null, input.twitter ?? null, refCode, seq,
        status.hash, ref],
    );
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      // A referral code (or token hash) collided: start over with new random values.
      await client.query("ROLLBACK");
      return "retry";
    }
    throw error;
  }
  const row = inserted.rows[0];
  if (!row) {
    await client.query("ROLLBACK");
    return duplicateOf(client, input.waitlistId, input.email);
  }

  const deltas = new Map<number, number>();
  addDelta(deltas, blockOf(seq), 1);
  if (row.referred_by_id) {
    const credited = await client.query<{ score: number; status: string }>(
      `UPDATE signups SET referral_count = referral_count + 1, score = score - $2
        WHERE id = $1 RETURNING score, status`,
      [row.referred_by_id, lockedRow.referral_boost],
    );
    const referrer = credited.rows[0];
    if (referrer?.status === "WAITING") {
      for (const [b, d] of moveDeltas(referrer.score + lockedRow.referral_boost, referrer.score)) addDelta(deltas, b, d);
    }
  }
  await applyBlockDeltas(client, input.waitlistId, deltas);
  await client.query("COMMIT");
  // A new signup has the highest score of everyone waiting, so it is last: its position is the count.
  return { kind: "created", id: row.id, position: lockedRow.waiting_count, refCode, statusToken: status.token };
}

async function explainRefusal(client: PoolClient, input: NewSignup): Promise<CreateSignupResult> {
  const duplicate = await duplicateOf(client, input.waitlistId, input.email);
  if (duplicate.kind === "duplicate") return duplicate;
  const { rows } = await client.query<{ is_open: boolean }>(`SELECT is_open FROM waitlists WHERE id = $1`, [
    input.waitlistId,
  ]);
  const w = rows[0];
  if (!w) return { kind: "not_found" };
  return w.is_open ? { kind: "full" } : { kind: "closed" };
}

async function duplicateOf(client: PoolClient, waitlistId: string, email: string): Promise<CreateSignupResult> {
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
