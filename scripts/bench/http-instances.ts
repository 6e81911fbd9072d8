import type { Pool as PgPool } from "pg";
import { Pool } from "undici";
import { startFakeSiteverify } from "@/tests/support/fake-siteverify";
import type { ProductionServer } from "@/tests/support/production-server";
import { startBenchServer } from "./bench-server";
import { cpuSince, postmasterPid, treeCpu } from "./cpu";
import { benchOwner } from "./positions";
import { ms, runConcurrently, summarize } from "./stats";

// One list on launch day, served by N `next start` processes on one PostgreSQL (N from BENCH_INSTANCES, default
// 1,2,4): signups spread round-robin over the instances, each from its own client address (one trusted proxy
// hop), Turnstile enforced against a local siteverify. Afterwards: positions exactly 1..N, no email twice, and
// every 200 a stored row with the ref code and place it was given.

const SIGNUPS = Number(process.env.BENCH_HTTP_SIGNUPS ?? 4000);
const CONCURRENCY = 64;
const INSTANCES = (process.env.BENCH_INSTANCES ?? "1,2,4").split(",").map(Number);

type Answer = { email: string; position: number; ref_code: string };

export async function benchHttpInstances(pool: PgPool): Promise<void> {
  const siteverify = await startFakeSiteverify({ secret: "bench-secret", hostname: "127.0.0.1" });
  const ownerId = await benchOwner(pool);
  try {
    for (const n of INSTANCES) await runWith(pool, ownerId, n, siteverify.url);
  } finally {
    await siteverify.close();
  }
}

async function runWith(pool: PgPool, ownerId: string, instances: number, verifyUrl: string): Promise<void> {
  console.log(`\n## One list, ${instances} instance(s) of next start, ${SIGNUPS} signups, ${CONCURRENCY} concurrent`);
  const waitlistId = `bench-inst${instances}-${Date.now()}`;
  await pool.query(
    `INSERT INTO waitlists (id, created_by, team_id, slug, title, plan, updated_at) VALUES ($1, $2, (SELECT id FROM teams WHERE personal_of = $2), $1, 'Launch', 'PRO', now())`,
    [waitlistId, ownerId],
  );
  const servers: ProductionServer[] = [];
  const clients: Pool[] = [];
  try {
    for (let i = 0; i < instances; i++) {
      servers.push(await startBenchServer(verifyUrl, { TRUSTED_PROXY_HOPS: "1" }));
    }
    for (const s of servers) clients.push(new Pool(s.baseUrl, { connections: CONCURRENCY }));
    const path = `/api/public/${waitlistId}/signup`;
    // Warm-up: each instance's first request loads the routes and connects (a config read: no signup).
    await Promise.all(clients.map((c) => c.request({ path: `/api/public/${waitlistId}/config`, method: "GET" }).then((r) => r.body.dump())));

    const answers: Answer[] = [];
    const refused: string[] = [];
    const pg = await postmasterPid(pool);
    const cpu = () => ({ app: new Map(servers.flatMap((s) => [...treeCpu(s.pid)])), pg: treeCpu(pg) });
    const cpuBefore = cpu();
    const run = await runConcurrently(SIGNUPS, CONCURRENCY, async (i) => {
      const email = `burst${i}@bench.example`;
      const res = await clients[i % clients.length]!.request({
        path,
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({ email, turnstile: `pass-${waitlistId}-${i}` }),
      });
      const body = (await res.body.json()) as Partial<Answer>;
      if (res.statusCode === 200 && typeof body.position === "number") answers.push({ email, position: body.position, ref_code: body.ref_code! });
      else refused.push(`${res.statusCode} ${JSON.stringify(body).slice(0, 120)}`);
    });
    const cpuAfter = cpu();
    const s = summarize(run.latencies);
    console.log(
      `${Math.round((SIGNUPS / run.elapsedMs) * 1000)} signups/s (${SIGNUPS} in ${(run.elapsedMs / 1000).toFixed(1)} s), ` +
        `p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)}; refused ${refused.length}${refused.length ? ` (first: ${refused[0]})` : ""}`,
    );
    console.log(
      `CPU per signup: next start ${(cpuSince(cpuBefore.app, cpuAfter.app) / SIGNUPS).toFixed(2)} ms, ` +
        `PostgreSQL ${(cpuSince(cpuBefore.pg, cpuAfter.pg) / SIGNUPS).toFixed(3)} ms`,
    );
    await checkLine(pool, waitlistId, answers, SIGNUPS);
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.stop()));
    await pool.query(`DELETE FROM waitlists WHERE id = $1`, [waitlistId]);
  }
}

async function checkLine(pool: PgPool, waitlistId: string, answers: Answer[], sent: number): Promise<void> {
  const { rows } = await pool.query<{ email: string; ref_code: string; seq: number }>(
    `SELECT email, ref_code, seq FROM signups WHERE waitlist_id = $1`,
    [waitlistId],
  );
  const stored = new Map(rows.map((r) => [r.email, r]));
  const positions = answers.map((a) => a.position).sort((a, b) => a - b);
  const gapless = positions.every((p, i) => p === i + 1);
  const emailsOnce = stored.size === rows.length;
  // Nobody here is referred or let in, so a newcomer's place is its seq.
  const everyAnswerStored = answers.every((a) => stored.get(a.email)?.ref_code === a.ref_code && stored.get(a.email)?.seq === a.position);
  const ok = gapless && emailsOnce && everyAnswerStored && rows.length === answers.length && answers.length === sent;
  console.log(
    `check: ${answers.length} of ${sent} answered 200; positions 1..${answers.length} ${gapless ? "exact" : "NOT exact"}; ${rows.length} rows, no email twice: ${emailsOnce ? "yes" : "NO"}; ` +
      `every 200 a stored row with its code and place: ${everyAnswerStored && rows.length === answers.length ? "yes" : "NO"} => ${ok ? "OK" : "FAILED"}`,
  );
}
