import { expect } from "vitest";
import { db, pool } from "@/lib/db";
import { blockOf, positionOf, referencePositions, scoreOf } from "@/lib/signups/position";

// What must hold for a waitlist after any change to its line: every score follows the definition, every
// position the database computes equals the in-memory reference, and the counters and per-block counts
// (lib/signups/line.ts keeps them) agree with the rows.

export async function expectLineMatchesDefinition(waitlistId: string, boost: number): Promise<void> {
  const { rows } = await pool().query<{ id: string; seq: number; score: number; status: string; referral_count: number }>(
    `SELECT id, seq, score, status, referral_count FROM signups WHERE waitlist_id = $1`,
    [waitlistId],
  );
  for (const r of rows) expect(r.score).toBe(scoreOf(r.seq, r.referral_count, boost));
  const waiting = rows.filter((r) => r.status === "WAITING");
  const expected = referencePositions(
    rows.map((r) => ({ id: r.id, seq: r.seq, referrals: r.referral_count, waiting: r.status === "WAITING" })),
    boost,
  );
  for (const r of waiting) {
    expect({ id: r.id, position: await positionOf(pool(), waitlistId, r.score, r.seq) }).toEqual({
      id: r.id,
      position: expected.get(r.id),
    });
  }
  const w = await db().waitlist.findUniqueOrThrow({ where: { id: waitlistId } });
  // signup_count counts everyone but the removed (they free their room, lib/signups/line-admit.ts).
  const counted = rows.filter((r) => r.status !== "REMOVED").length;
  expect({ waiting: w.waitingCount, signups: w.signupCount }).toEqual({ waiting: waiting.length, signups: counted });
  expect(w.nextSeq).toBeGreaterThanOrEqual(Math.max(0, ...rows.map((r) => r.seq)));

  const perBlock = new Map<number, number>();
  for (const r of waiting) perBlock.set(blockOf(r.score), (perBlock.get(blockOf(r.score)) ?? 0) + 1);
  const stored = await db().signupBlock.findMany({ where: { waitlistId } });
  const nonZero = stored.filter((b) => b.waiting !== 0).map((b) => [b.block, b.waiting]);
  expect(new Map(nonZero as [number, number][])).toEqual(perBlock);
}
