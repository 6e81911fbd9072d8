import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Pool } from "pg";
import { newRefCode } from "@/lib/signups/codes";
import { cpuSince, postmasterPid, treeCpu } from "./cpu";
import { benchOwner, loadBigWaitlist } from "./positions";
import { ms, summarize } from "./stats";

// New signups into a big list through the DB path (createSignup, no HTTP), from several processes at once as
// several app instances would: PROCESSES children × (CONCURRENCY / PROCESSES) callers each. A quarter come
// through real referral links. Afterwards the new seqs must be exactly size+1..size+N.

const DEFAULT_SIZE = Number(process.env.BENCH_SIGNUPS ?? 1_000_000);
const DEFAULT_TOTAL = Number(process.env.BENCH_NEW_SIGNUPS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 2);
const WORKER = path.join(import.meta.dirname, "signup-worker.ts");
const TSX = path.join(import.meta.dirname, "../../node_modules/.bin/tsx");

type WorkerResult = { latencies: number[]; outcomes: Record<string, number>; cpuMs: number };

function startWorker(env: Record<string, string>): { child: ChildProcess; ready: Promise<void>; result: Promise<WorkerResult> } {
  const child = spawn(TSX, ["--conditions=react-server", WORKER], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  let onReady: () => void;
  let onResult: (r: WorkerResult) => void;
  const ready = new Promise<void>((r) => (onReady = r));
  const result = new Promise<WorkerResult>((resolve, reject) => {
    onResult = resolve;
    child.once("exit", (code) => reject(new Error(`signup worker exited with ${code}`)));
  });
  lines.on("line", (line) => (line === "ready" ? onReady() : line.startsWith("{") && onResult(JSON.parse(line) as WorkerResult)));
  return { child, ready, result };
}

export type DbPathFigures = { size: number; total: number; perSecond: number; p50: number; p99: number; gapless: boolean };

export async function benchDbSignups(pool: Pool, sizes: { size?: number; total?: number } = {}): Promise<DbPathFigures> {
  const SIZE = sizes.size ?? DEFAULT_SIZE;
  const TOTAL = sizes.total ?? DEFAULT_TOTAL;
  console.log(`\n## New signups into a ${SIZE.toLocaleString("en-US")} list, DB path, ${CONCURRENCY} callers in ${PROCESSES} processes`);
  const waitlistId = await loadBigWaitlist(pool, SIZE, await benchOwner(pool));
  // Real codes for a sample of the loaded people, so referred signups credit someone.
  const refs = Array.from({ length: 400 }, () => newRefCode());
  await pool.query(
    `UPDATE signups s SET ref_code = t.code FROM unnest($2::text[], $3::int[]) AS t(code, seq)
      WHERE s.waitlist_id = $1 AND s.seq = t.seq`,
    [waitlistId, refs, refs.map((_, i) => 1 + ((i * 2503) % SIZE))],
  );
  const share = Math.ceil(TOTAL / PROCESSES);
  const workers = Array.from({ length: PROCESSES }, (_, p) =>
    startWorker({
      BENCH_WAITLIST: waitlistId,
      BENCH_CALLERS: String(Math.ceil(CONCURRENCY / PROCESSES)),
      BENCH_FROM: String(p * share),
      BENCH_COUNT: String(Math.min(share, TOTAL - p * share)),
      BENCH_REFS: refs.join(","),
      DATABASE_POOL_SIZE: String(Math.ceil(CONCURRENCY / PROCESSES) + 2),
    }),
  );
  try {
    await Promise.all(workers.map((w) => w.ready));
    const pg = await postmasterPid(pool);
    const pgBefore = treeCpu(pg);
    const walBefore = (await pool.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows[0]!.lsn;
    const start = performance.now();
    for (const w of workers) w.child.stdin!.write("go\n");
    const results = await Promise.all(workers.map((w) => w.result));
    const elapsedMs = performance.now() - start;
    const pgCpuMs = cpuSince(pgBefore, treeCpu(pg));
    const appCpuMs = results.reduce((t, r) => t + r.cpuMs, 0);
    const { rows: wal } = await pool.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::text AS bytes`, [walBefore]);
    const s = summarize(results.flatMap((r) => r.latencies));
    const outcomes: Record<string, number> = {};
    for (const r of results) for (const [k, n] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + n;
    const { rows } = await pool.query<{ n: number; lo: number; hi: number; credited: number }>(
      `SELECT COUNT(*)::int AS n, MIN(seq) AS lo, MAX(seq) AS hi, COUNT(referred_by_id)::int AS credited
         FROM signups WHERE waitlist_id = $1 AND seq > $2`,
      [waitlistId, SIZE],
    );
    const c = rows[0]!;
    const gapless = c.n === TOTAL && c.lo === SIZE + 1 && c.hi === SIZE + TOTAL;
    console.log(
      `${TOTAL} signups in ${(elapsedMs / 1000).toFixed(1)} s = ${Math.round((TOTAL / elapsedMs) * 1000)} signups/s, ` +
        `p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)}; outcomes ${JSON.stringify(outcomes)}; ` +
        `${c.credited} referrals credited; seqs ${SIZE + 1}..${SIZE + TOTAL} gapless: ${gapless ? "yes" : "NO"}`,
    );
    console.log(
      `CPU per signup: PostgreSQL ${(pgCpuMs / TOTAL).toFixed(3)} ms, app processes ${(appCpuMs / TOTAL).toFixed(3)} ms ` +
        `(PostgreSQL busy ${((pgCpuMs / elapsedMs) * 100).toFixed(0)}% of one core over the run); ` +
        `WAL ${(Number(wal[0]!.bytes) / TOTAL / 1024).toFixed(2)} KB per signup`,
    );
    return { size: SIZE, total: TOTAL, perSecond: (TOTAL / elapsedMs) * 1000, p50: s.p50, p99: s.p99, gapless };
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill();
    await pool.query(`DELETE FROM waitlists WHERE id = $1`, [waitlistId]);
  }
}
