import "server-only";
import type { Pool, PoolClient } from "pg";

// THE definition of a place in line, used by the API, the hosted page, the dashboard and the CSV.
//
//   base     = seq - referral_boost * referral_count      (seq: 1-based join order; lower = earlier)
//   position = 1 + number of WAITING people ahead, ordered by base, then people with referrals before people
//              without, then seq
//
// So each credited referral moves a person up by exactly `boost` places: landing level with someone's base,
// the referred-up person goes first (with ties to the earlier joiner, a first referral at boost 1 moved nobody).
// A new signup is last, and people who were let in or removed are not counted. Invited people have no position.
//
// Stored as one integer so the whole order is (score, seq):
//   score = 2 * base - (1 if referral_count > 0 else 0)
// scoreOf/scoreSql are its only spellings; referencePositions states the rule directly, as the test reference.
//
// Counting the people ahead is linear in the position (~50 ms at a million), so waiting people are also
// counted per block of BLOCK_SIZE scores in signup_blocks, which lib/signups/line.ts keeps in the same
// transaction as every change of a score or status. A lookup is then a sum over at most
// (line length * 2 / BLOCK_SIZE) block rows plus a count inside one block.

export const BLOCK_SIZE = 2048;

type Queryable = Pool | PoolClient;

export function scoreOf(seq: number, referralCount: number, boost: number): number {
  return 2 * (seq - boost * referralCount) - (referralCount > 0 ? 1 : 0);
}

/** scoreOf() in SQL, for SQL expressions of seq, referral count and boost (columns or parameters). */
export function scoreSql(seq: string, referralCount: string, boost: string): string {
  return `(2 * ((${seq}) - (${boost}) * (${referralCount})) - CASE WHEN (${referralCount}) > 0 THEN 1 ELSE 0 END)`;
}

export function blockOf(score: number): number {
  return Math.floor(score / BLOCK_SIZE);
}

/** blockOf() in SQL, for an SQL expression of a score. */
export function blockSql(score: string): string {
  return `floor((${score})::numeric / ${BLOCK_SIZE})::int`;
}

/**
 * The `deltas` and `blk` CTEs that keep signup_blocks in step inside a statement: `newcomers` is a SELECT of
 * the blocks gaining one waiting person each (as `block`), and a `credit` CTE returning old_score, new_score
 * and status of the credited referrers must precede them. `waitlist` is the SQL of the list's id.
 */
export function blockDeltaCtes(newcomers: string, waitlist: string): string {
  return `deltas AS (
  SELECT block, SUM(delta)::int AS delta FROM (
    ${newcomers}
    UNION ALL SELECT ${blockSql("old_score")}, -1 FROM credit WHERE status = 'WAITING'
    UNION ALL SELECT ${blockSql("new_score")}, 1 FROM credit WHERE status = 'WAITING'
  ) d GROUP BY block
), blk AS (
  INSERT INTO signup_blocks (waitlist_id, block, waiting)
  SELECT ${waitlist}, block, delta FROM deltas WHERE delta <> 0
  ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting
)`;
}

export type RankInput = { id: string; seq: number; referrals: number; waiting: boolean };

/** The definition executed in memory, spelled as the rule rather than the score: the reference the SQL is tested against. */
export function referencePositions(people: readonly RankInput[], boost: number): Map<string, number> {
  const base = (p: RankInput) => p.seq - boost * p.referrals;
  const referred = (p: RankInput) => (p.referrals > 0 ? 0 : 1);
  const line = people
    .filter((p) => p.waiting)
    .sort((a, b) => base(a) - base(b) || referred(a) - referred(b) || a.seq - b.seq);
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
