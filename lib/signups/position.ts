import "server-only";
import type { Pool, PoolClient } from "pg";

// THE definition of a place in line, used by the API, the hosted page, the dashboard and the CSV.
//
//   score    = seq - referral_boost * referral_count      (seq: 1-based join order; lower score = earlier)
//   position = 1 + number of WAITING people with a smaller (score, seq)
//
// So each credited referral moves a person up by `boost` places (ties go to whoever joined first), a new
// signup is last, and people who were let in or removed are not counted. Invited people have no position.
//
// Counting the people ahead is linear in the position (~50 ms at a million), so waiting people are also
// counted per block of BLOCK_SIZE scores in signup_blocks, which lib/signups/line.ts keeps in the same
// transaction as every change of a score or status. A lookup is then a sum over at most
// (line length / BLOCK_SIZE) block rows plus a count inside one block.

export const BLOCK_SIZE = 1024;

type Queryable = Pool | PoolClient;

export function scoreOf(seq: number, referralCount: number, boost: number): number {
  return seq - boost * referralCount;
}

export function blockOf(score: number): number {
  return Math.floor(score / BLOCK_SIZE);
}

/** blockOf() in SQL, for an SQL expression of a score. */
export function blockSql(score: string): string {
  return `floor((${score})::numeric / ${BLOCK_SIZE})::int`;
}

export type RankInput = { id: string; seq: number; score: number; waiting: boolean };

/** The definition executed in memory: the reference the SQL is tested against. */
export function referencePositions(people: readonly RankInput[]): Map<string, number> {
  const line = people.filter((p) => p.waiting).sort((a, b) => a.score - b.score || a.seq - b.seq);
  return new Map(line.map((p, i) => [p.id, i + 1]));
}

/**
 * SQL for the position of a waiting person, given SQL expressions for the waitlist id, score and seq (bind
 * parameters or columns of an outer row, never user text). Both bounds are cast to int so the partial index
 * on (waitlist_id, score, seq) serves the count; the explicit upper bound on score (implied by the row
 * comparison) lets the planner see a one-block range instead of guessing a tenth of the table and starting
 * parallel workers, which cost ~50 ms at a million rows.
 */
export function positionSql(waitlistId: string, score: string, seq: string): string {
  const block = blockSql(score);
  return `(1
    + COALESCE((SELECT SUM(b.waiting) FROM signup_blocks b
                 WHERE b.waitlist_id = ${waitlistId} AND b.block < ${block}), 0)
    + (SELECT COUNT(*) FROM signups t
        WHERE t.waitlist_id = ${waitlistId} AND t.status = 'WAITING'
          AND t.score >= ${block} * ${BLOCK_SIZE} AND t.score <= ${score}
          AND (t.score, t.seq) < (${score}, ${seq})))`;
}

/** Position of a waiting person with this (score, seq) on the waitlist, in one consistent snapshot. */
export async function positionOf(q: Queryable, waitlistId: string, score: number, seq: number): Promise<number> {
  const { rows } = await q.query<{ position: string }>(
    `SELECT ${positionSql("$1", "$2::int", "$3::int")} AS position`,
    [waitlistId, score, seq],
  );
  return Number(rows[0]?.position ?? 1);
}
