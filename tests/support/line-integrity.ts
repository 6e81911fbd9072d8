import type pg from "pg";
import { hashStatusToken } from "@/lib/signups/codes";
import { blockOf, positionSql, referencePositions, scoreOf } from "@/lib/signups/position";
import type { LoadSignup } from "@/tests/support/signup-load";

// What "nothing acknowledged is lost" means for one waitlist, checked on the database after the fact. Each
// check returns a list of problems (empty when all is well) so a failure names every broken row at once.

export type LineRow = {
  id: string;
  email: string;
  ref_code: string;
  seq: number;
  score: number;
  status: "WAITING" | "INVITED";
  referral_count: number;
  referred_by_id: string | null;
  referral_credit: "credited" | "held" | "revoked" | null;
  status_token_hash: string;
  /** The app's own position lookup (block sums + in-block count), null for people let in. */
  position: number | null;
};

export async function readLine(pool: pg.Pool, waitlistId: string): Promise<LineRow[]> {
  const { rows } = await pool.query<LineRow>(
    `SELECT s.id, s.email, s.ref_code, s.seq, s.score, s.status, s.referral_count, s.referred_by_id, s.referral_credit,
            s.status_token_hash,
            CASE WHEN s.status = 'WAITING' THEN ${positionSql("s.waitlist_id", "s.score", "s.seq")} END::int AS position
       FROM signups s WHERE s.waitlist_id = $1 ORDER BY s.seq`,
    [waitlistId],
  );
  return rows;
}

const MAX_LISTED = 10;
function capped(problems: string[]): string[] {
  return problems.length > MAX_LISTED ? [...problems.slice(0, MAX_LISTED), `… and ${problems.length - MAX_LISTED} more`] : problems;
}

/** Counters, sequence, referral credits, per-block counts and positions agree with the rows. */
export async function lineProblems(pool: pg.Pool, waitlistId: string, rows: LineRow[]): Promise<string[]> {
  const problems: string[] = [];
  const { rows: lists } = await pool.query<{ next_seq: number; signup_count: number; waiting_count: number; referral_boost: number }>(
    `SELECT next_seq, signup_count, waiting_count, referral_boost FROM waitlists WHERE id = $1`,
    [waitlistId],
  );
  const list = lists[0];
  if (!list) return [`waitlist ${waitlistId} is missing`];
  const waiting = rows.filter((r) => r.status === "WAITING");
  if (list.signup_count !== rows.length) problems.push(`signup_count ${list.signup_count} but ${rows.length} rows`);
  if (list.next_seq !== rows.length) problems.push(`next_seq ${list.next_seq} but ${rows.length} rows`);
  if (list.waiting_count !== waiting.length) problems.push(`waiting_count ${list.waiting_count} but ${waiting.length} waiting`);
  rows.forEach((r, i) => {
    if (r.seq !== i + 1) problems.push(`seq gap: row ${i + 1} has seq ${r.seq}`);
  });

  // A referrer's count is the referees whose credit stands (held ones wait for review, lib/signups/line-credit.ts).
  const referred = new Map<string, number>();
  for (const r of rows) {
    if (r.referred_by_id && r.referral_credit === "credited") referred.set(r.referred_by_id, (referred.get(r.referred_by_id) ?? 0) + 1);
  }
  for (const r of rows) {
    const credited = referred.get(r.id) ?? 0;
    if (r.referral_count !== credited) problems.push(`${r.email}: referral_count ${r.referral_count}, referred ${credited}`);
    if (r.score !== scoreOf(r.seq, r.referral_count, list.referral_boost)) problems.push(`${r.email}: score ${r.score} disagrees`);
  }

  const { rows: blocks } = await pool.query<{ block: number; waiting: number }>(
    `SELECT block, waiting FROM signup_blocks WHERE waitlist_id = $1`,
    [waitlistId],
  );
  const actual = new Map<number, number>();
  for (const r of waiting) actual.set(blockOf(r.score), (actual.get(blockOf(r.score)) ?? 0) + 1);
  for (const b of blocks) if (b.waiting !== (actual.get(b.block) ?? 0)) problems.push(`block ${b.block}: ${b.waiting} counted, ${actual.get(b.block) ?? 0} waiting`);
  for (const [block] of actual) if (!blocks.some((b) => b.block === block)) problems.push(`block ${block} has no signup_blocks row`);

  const expected = referencePositions(
    rows.map((r) => ({ id: r.id, seq: r.seq, referrals: r.referral_count, waiting: r.status === "WAITING" })),
    list.referral_boost,
  );
  for (const r of waiting) {
    if (r.position !== expected.get(r.id)) problems.push(`${r.email}: position ${r.position}, by definition ${expected.get(r.id)}`);
  }
  const sorted = waiting.map((r) => r.position ?? 0).sort((a, b) => a - b);
  if (!sorted.every((p, i) => p === i + 1)) problems.push(`positions of the ${waiting.length} waiting are not exactly 1..${waiting.length}`);
  return capped(problems);
}

/**
 * Every acknowledged signup is a row with the ref_code it was given; a new one (not a duplicate answer) also
 * with the position it was told (its seq: nobody was let in or removed) and the hash of its status token; one
 * that came through a referral link credits that referrer. No row exists that no client sent.
 */
export function acknowledgementProblems(rows: LineRow[], signups: LoadSignup[]): string[] {
  const problems: string[] = [];
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const byRefCode = new Map(rows.map((r) => [r.ref_code, r]));
  for (const s of signups) {
    const ack = s.acknowledged;
    if (!ack) continue;
    const row = byEmail.get(s.email);
    if (!row) {
      problems.push(`${s.email}: answered 200 (ref_code ${ack.ref_code}) but not in the database`);
      continue;
    }
    if (row.ref_code !== ack.ref_code) problems.push(`${s.email}: answered ref_code ${ack.ref_code}, stored ${row.ref_code}`);
    if (!ack.duplicate) {
      if (row.seq !== ack.position) problems.push(`${s.email}: answered position ${ack.position}, stored seq ${row.seq}`);
      if (!ack.status_token || hashStatusToken(ack.status_token) !== row.status_token_hash) {
        problems.push(`${s.email}: the status token it was given does not match the stored hash`);
      }
    }
    const referrer = s.ref ? byRefCode.get(s.ref) : undefined;
    if (s.ref && row.referred_by_id !== (referrer?.id ?? "(missing referrer)")) problems.push(`${s.email}: referral ${s.ref} not credited`);
  }
  const sent = new Set(signups.map((s) => s.email));
  for (const r of rows) if (!sent.has(r.email)) problems.push(`${r.email}: in the database but never sent`);
  return capped(problems);
}
