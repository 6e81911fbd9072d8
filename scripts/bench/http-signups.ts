import type { Pool } from "pg";
import { startFakeSiteverify } from "@/tests/support/fake-siteverify";
import { startBenchServer } from "./bench-server";
import { benchOwner } from "./positions";
import { ms, runConcurrently, summarize } from "./stats";

// Launch day through the whole stack: `next start`, the real route handlers, rate limiter, Turnstile
// verification against a local siteverify, and Postgres. A burst of signups and of config reads on one
// waitlist; the signups' positions must come back exactly 1..N.

const SIGNUPS = Number(process.env.BENCH_HTTP_SIGNUPS ?? 3000);
const READS = Number(process.env.BENCH_HTTP_READS ?? 5000);
const CONCURRENCY = 64;

export async function benchHttpSignups(pool: Pool): Promise<void> {
  console.log(`\n## Launch-day burst over HTTP (${SIGNUPS} signups, ${READS} config reads, ${CONCURRENCY} concurrent)`);
  const siteverify = await startFakeSiteverify({ secret: "bench-secret", hostname: "127.0.0.1" });
  const waitlistId = `bench-http-${Date.now()}`;
  await pool.query(
    `INSERT INTO waitlists (id, created_by, team_id, slug, title, plan, updated_at) VALUES ($1, $2, (SELECT id FROM teams WHERE personal_of = $2), $1, 'Launch', 'PRO', now())`,
    [waitlistId, await benchOwner(pool)],
  );
  // One load generator on one address: the per-IP limit would stop the burst after 120.
  const server = await startBenchServer(siteverify.url, { RATE_LIMIT_PER_MINUTE: "100000" });
  try {
    const base = `${server.baseUrl}/api/public/${waitlistId}`;
    // Warm-up: the first request of each route compiles and connects.
    await fetch(`${base}/config`);
    const positions: number[] = [];
    const signups = await runConcurrently(SIGNUPS, CONCURRENCY, async (i) => {
      const res = await fetch(`${base}/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `burst${i}@bench.example`, turnstile: `pass-bench-${i}` }),
      });
      const body = (await res.json()) as { position?: number };
      if (res.status !== 200 || typeof body.position !== "number") throw new Error(`signup ${i}: ${res.status} ${JSON.stringify(body)}`);
      positions.push(body.position);
    });
    const s = summarize(signups.latencies);
    const gapless = positions.sort((a, b) => a - b).every((p, i) => p === i + 1);
    console.log(
      `signups: ${SIGNUPS} in ${(signups.elapsedMs / 1000).toFixed(1)} s = ${Math.round((SIGNUPS / signups.elapsedMs) * 1000)}/s, ` +
        `p50 ${ms(s.p50)} p95 ${ms(s.p95)}; positions 1..${SIGNUPS} gapless: ${gapless ? "yes" : "NO"}`,
    );
    const reads = await runConcurrently(READS, CONCURRENCY, async () => {
      const res = await fetch(`${base}/config`);
      if (res.status !== 200) throw new Error(`config: ${res.status}`);
      await res.arrayBuffer();
    });
    const r = summarize(reads.latencies);
    console.log(`config reads: ${Math.round((READS / reads.elapsedMs) * 1000)}/s, p50 ${ms(r.p50)} p95 ${ms(r.p95)}`);
  } finally {
    await server.stop();
    await siteverify.close();
    await pool.query(`DELETE FROM waitlists WHERE id = $1`, [waitlistId]);
  }
}
