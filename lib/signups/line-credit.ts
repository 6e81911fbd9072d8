import "server-only";
import type { Line } from "@/lib/signups/line";
import { withLockedLine } from "@/lib/signups/line";
import { blockSql, scoreSql } from "@/lib/signups/position";

// The keeper's referral credits after the signup (lib/signups/line.ts re-exports these): taking a credit back
// when a referee is removed (and giving it back when they return), and the owner's review of credits the
// velocity rule held (lib/signups/line-join.ts). Under the waitlist row lock, in the transaction of the change,
// with the referrer rescored (lib/signups/position.ts) and moved between blocks, so positions follow at once.
//
// A referee's referral_credit: null (no referrer, or pending) → credited | held; credited → revoked (removed)
// → credited (back in line); held → credited (approved) | rejected (rejected: the referee is removed too).

// $1 waitlist, $2 referrer ids, $3 their deltas, $4 the list's boost. Counts never go below zero: a referee
// who erased themselves keeps their referrer's count (docs/privacy.md), so the count may exceed its referees.
const MOVE_SQL = `
WITH c AS (
  SELECT id, SUM(n)::int AS n FROM unnest($2::uuid[], $3::int[]) AS t(id, n) GROUP BY id
), upd AS (
  UPDATE signups r SET referral_count = GREATEST(0, r.referral_count + c.n),
         score = ${scoreSql("r.seq", "GREATEST(0, r.referral_count + c.n)", "$4::int")}
    FROM c, signups o
   WHERE r.id = c.id AND r.waitlist_id = $1 AND o.id = r.id AND c.n <> 0
  RETURNING r.score AS new_score, o.score AS old_score, r.status
), deltas AS (
  SELECT block, SUM(delta)::int AS delta FROM (
    SELECT ${blockSql("old_score")} AS block, -1 AS delta FROM upd WHERE status = 'WAITING'
    UNION ALL SELECT ${blockSql("new_score")}, 1 FROM upd WHERE status = 'WAITING'
  ) d GROUP BY block
)
INSERT INTO signup_blocks (waitlist_id, block, waiting)
SELECT $1, block, delta FROM deltas WHERE delta <> 0
ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting`;

/** Gives (+n) or takes back (-n) credits of these referrers, inside a transaction that holds the line. */
export async function moveCredits(line: Line, deltas: ReadonlyMap<string, number>): Promise<void> {
  const entries = [...deltas].filter(([, n]) => n !== 0);
  if (entries.length === 0) return;
  await line.client.query(MOVE_SQL, [
    line.waitlist.id,
    entries.map(([id]) => id),
    entries.map(([, n]) => n),
    line.waitlist.referralBoost,
  ]);
}

type CreditRow = { referred_by_id: string | null; referral_credit: string | null };

/**
 * The credit side of a referee's status change (called by the keeper's status changes with the row as it was):
 * leaving the line for REMOVED (or deletion) takes a standing credit back and closes a held one; coming back
 * from REMOVED gives a revoked credit back.
 */
export async function creditOnStatusChange(line: Line, signupId: string, row: CreditRow, removed: boolean): Promise<void> {
  if (!row.referred_by_id) return;
  if (removed && (row.referral_credit === "credited" || row.referral_credit === "held")) {
    const next = row.referral_credit === "credited" ? "revoked" : "rejected";
    await line.client.query(`UPDATE signups SET referral_credit = $2 WHERE id = $1::uuid`, [signupId, next]);
    if (row.referral_credit === "credited") await moveCredits(line, new Map([[row.referred_by_id, -1]]));
  } else if (!removed && row.referral_credit === "revoked") {
    await line.client.query(`UPDATE signups SET referral_credit = 'credited' WHERE id = $1::uuid`, [signupId]);
    await moveCredits(line, new Map([[row.referred_by_id, 1]]));
  }
}

/**
 * The owner approves held credits: each referee still held credits their referrer now. Returns the ids that
 * changed (others were no longer held); null when the waitlist is not the owner's.
 */
export async function approveHeld(waitlistId: string, signupIds: readonly string[], teamId?: string): Promise<string[] | null> {
  return withLockedLine(
    waitlistId,
    async (line) => {
      const { rows } = await line.client.query<{ id: string; referred_by_id: string }>(
        `UPDATE signups SET referral_credit = 'credited'
          WHERE waitlist_id = $1 AND id = ANY($2::uuid[]) AND referral_credit = 'held' AND referred_by_id IS NOT NULL
          RETURNING id, referred_by_id`,
        [waitlistId, [...signupIds]],
      );
      const deltas = new Map<string, number>();
      for (const r of rows) deltas.set(r.referred_by_id, (deltas.get(r.referred_by_id) ?? 0) + 1);
      await moveCredits(line, deltas);
      return rows.map((r) => r.id);
    },
    teamId,
  );
}

/**
 * The owner rejects held credits: each referee still held is removed from the list (status REMOVED, as the
 * owner's remove does: everyone behind moves up, their room is freed) and their credit is rejected. Returns the
 * ids that changed; null when the waitlist is not the owner's.
 */
export async function rejectHeld(waitlistId: string, signupIds: readonly string[], teamId?: string): Promise<string[] | null> {
  return withLockedLine(
    waitlistId,
    async (line) => {
      const { rows } = await line.client.query<{ id: string; waiting: boolean; score: number; counted: boolean }>(
        `WITH picked AS (
           SELECT id, status, score FROM signups
            WHERE waitlist_id = $1 AND id = ANY($2::uuid[]) AND referral_credit = 'held'
            FOR UPDATE
         )
         UPDATE signups s SET status = 'REMOVED', removed_at = now(), removed_from = picked.status,
                referral_credit = 'rejected'
           FROM picked WHERE s.id = picked.id
         RETURNING s.id, picked.status = 'WAITING' AS waiting, picked.score, picked.status <> 'REMOVED' AS counted`,
        [waitlistId, [...signupIds]],
      );
      const waiting = rows.filter((r) => r.waiting);
      const counted = rows.filter((r) => r.counted).length;
      await line.client.query(
        `UPDATE waitlists SET waiting_count = waiting_count - $2, signup_count = signup_count - $3 WHERE id = $1`,
        [waitlistId, waiting.length, counted],
      );
      await line.client.query(
        `INSERT INTO signup_blocks (waitlist_id, block, waiting)
         SELECT $1, ${blockSql("t.score")}, -COUNT(*)::int FROM unnest($2::int[]) AS t(score) GROUP BY 2
         ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting`,
        [waitlistId, waiting.map((r) => r.score)],
      );
      line.waitlist.waitingCount -= waiting.length;
      line.waitlist.signupCount -= counted;
      return rows.map((r) => r.id);
    },
    teamId,
  );
}
