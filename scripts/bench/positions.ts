import type { Pool } from "pg";
import { createSignup } from "@/lib/signups/mutations";
import { rebuildBlocks } from "@/lib/signups/line";
import { positionOf, scoreSql } from "@/lib/signups/position";
import { ms, summarize, timed } from "./stats";

// Positions at a million signups: the block-count lookup against the plain COUNT it replaces, and the duplicate
// answer (new signups into the big list: db-signups.ts). Prints figures; asserts only that both lookups agree.

const SIZE = Number(process.env.BENCH_SIGNUPS ?? 1_000_000);
const BOOST = 5;

/** A waitlist with `size` signups: 10% referred 1-5 friends, 1% were let in. Returns its id. */
export async function loadBigWaitlist(pool: Pool, size: number, ownerId: string): Promise<string> {
  const waitlistId = `bench-${Date.now()}`;
  await pool.query(
    `INSERT INTO waitlists (id, created_by, team_id, slug, title, plan, referral_boost, updated_at)
     VALUES ($1, $2, (SELECT id FROM teams WHERE personal_of = $2), $1, 'Bench', 'PRO', $3, now())`,
    [waitlistId, ownerId, BOOST],
  );
  const [, loadMs] = await timed(async () => {
    await pool.query(
      `INSERT INTO signups (waitlist_id, email, name, ref_code, seq, score, referral_count, status, status_token_hash,
                            referred_by_id)
       SELECT $1, 'p' || g || '@bench.example', CASE WHEN g % 3 = 0 THEN 'Person ' || g END,
              lpad(g::text, 8, '0') || $3, g,
              ${scoreSql("g", "r", "$2::int")}, r, CASE WHEN g % 100 = 7 THEN 'INVITED' ELSE 'WAITING' END::"SignupStatus",
              md5($1 || g), NULL
         FROM (SELECT g, CASE WHEN g % 10 = 3 THEN 1 + (g / 10) % 5 ELSE 0 END AS r
                 FROM generate_series(1, $4::int) g) s`,
      [waitlistId, BOOST, waitlistId.slice(-4), size],
    );
    await rebuildBlocks(pool, waitlistId);
    await pool.query(
      `UPDATE waitlists w SET next_seq = $2,
              signup_count = $2,
              waiting_count = (SELECT COUNT(*) FROM signups WHERE waitlist_id = w.id AND status = 'WAITING')
        WHERE id = $1`,
      [waitlistId, size],
    );
    // As autovacuum would after a real load: index-only scans need the visibility map.
    await pool.query(`VACUUM ANALYZE signups`);
    await pool.query(`VACUUM ANALYZE signup_blocks`);
  });
  console.log(`loaded ${size.toLocaleString("en-US")} signups in ${(loadMs / 1000).toFixed(1)} s`);
  return waitlistId;
}

export async function benchOwner(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO users (id, email, updated_at) VALUES ('bench-owner', 'bench@example.com', now())
     ON CONFLICT (email) DO UPDATE SET updated_at = now() RETURNING id`,
  );
  return rows[0]!.id;
}

export async function benchPositions(pool: Pool): Promise<void> {
  console.log(`\n## Positions at ${SIZE.toLocaleString("en-US")} signups`);
  const waitlistId = await loadBigWaitlist(pool, SIZE, await benchOwner(pool));

  const { rows: sample } = await pool.query<{ score: number; seq: number }>(
    `SELECT score, seq FROM signups WHERE waitlist_id = $1 AND status = 'WAITING'
      ORDER BY md5(seq::text) LIMIT 2000`,
    [waitlistId],
  );

  const blockTimes: number[] = [];
  const results = new Map<number, number>();
  for (const s of sample) {
    const [position, t] = await timed(() => positionOf(pool, waitlistId, s.score, s.seq));
    blockTimes.push(t);
    results.set(s.seq, position);
  }

  // The plain definition, counting everyone ahead: what the blocks replace.
  const naiveTimes: number[] = [];
  for (const s of sample.slice(0, 200)) {
    const [position, t] = await timed(async () => {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT 1 + COUNT(*) AS n FROM signups
          WHERE waitlist_id = $1 AND status = 'WAITING' AND (score, seq) < ($2, $3)`,
        [waitlistId, s.score, s.seq],
      );
      return Number(rows[0]!.n);
    });
    naiveTimes.push(t);
    if (position !== results.get(s.seq)) throw new Error(`position mismatch at seq ${s.seq}: ${position} vs ${results.get(s.seq)}`);
  }
  const block = summarize(blockTimes);
  const naive = summarize(naiveTimes);
  console.log(`position lookup, block counts: n=${block.n} p50 ${ms(block.p50)} p95 ${ms(block.p95)} p99 ${ms(block.p99)}`);
  console.log(`position lookup, plain COUNT:  n=${naive.n} p50 ${ms(naive.p50)} p95 ${ms(naive.p95)} p99 ${ms(naive.p99)}`);
  console.log(`speed-up at p50: ${(naive.p50 / block.p50).toFixed(1)}x (target: block p50 < 5 ms)`);

  // Duplicate path end to end (lookup by email + position), as the API runs it.
  const dupTimes: number[] = [];
  for (let i = 0; i < 500; i++) {
    const seq = 1 + ((i * 7919) % SIZE);
    const [r, t] = await timed(() => createSignup({ waitlistId, email: `p${seq}@bench.example` }));
    if (r.kind !== "duplicate") throw new Error(`expected a duplicate, got ${r.kind}`);
    dupTimes.push(t);
  }
  const dup = summarize(dupTimes);
  console.log(`duplicate signup (lookup + position): p50 ${ms(dup.p50)} p95 ${ms(dup.p95)}`);

  await pool.query(`DELETE FROM waitlists WHERE id = $1`, [waitlistId]);
}
