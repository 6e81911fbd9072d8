import type { Pool as PgPool } from "pg";
import { Pool } from "undici";
import { startFakeSiteverify } from "@/tests/support/fake-siteverify";
import { startBenchServer } from "./bench-server";
import { cpuSince, machineBusyMs, treeCpu } from "./cpu";
import { benchDbSignups } from "./db-signups";
import { benchOwner } from "./positions";
import { ms, runFor, summarize } from "./stats";

// Side by side in one run against ONE `next start`: the no-op route handler built into the app (the floor), the
// signup route (Turnstile enforced against a local siteverify), the config route, the hosted page and the
// static landing page; then the DB path (createSignup from two processes, no HTTP) on a list of BENCH_SIGNUPS.
// Every HTTP request comes from its own client address (one trusted proxy hop), so the per-IP limit is paid as
// in production and never trips. Each row runs BENCH_SECONDS (default 3) after a short warm-up, in BENCH_ROUNDS rounds
// (default 6) that interleave the rows; a row's figures pool its rounds. BENCH_ROWS=signup,config
// runs only those rows (and no DB path), e.g. to profile them with BENCH_CPU_PROF_DIR.

// Short rows in more rounds: this shared machine's speed drifts by 2x within minutes, and rows measured close
// together in time see the same machine, so their ratios hold even when the absolute figures move.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const WARMUP_MS = 500;

// CPU per request: the server's (its process tree), this process's (the load generator and the fake
// siteverify), and the rest of the machine's (PostgreSQL, the kernel's network work, anything else running).
type Cpu = { server: number; bench: number; rest: number };
type Row = {
  name: string;
  connections: number;
  perSecond: number;
  /** Each round's rate: a ratio between rows of one round compares the machine at nearly the same moment. */
  roundRates: number[];
  p50: number;
  p99: number;
  cpuMs: Cpu | null;
  base?: string;
  target?: string;
};
type Load = {
  name: string;
  connections: number;
  path: (i: number) => string;
  post?: (i: number) => string;
  base?: string;
  target?: string;
  /** Stores rows: PostgreSQL's work after them (autovacuum, the checkpoint) is done before the next row. */
  writes?: boolean;
};

let addresses = 0;
/** A fresh client address per request (10.x.y.z), as a crowd of visitors would come. */
const nextAddress = () => {
  const i = addresses++;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
};

type Sample = { latencies: number[]; elapsedMs: number; cpuMs: Cpu };

async function measure(client: Pool, pid: number, load: Load): Promise<Sample> {
  let errors = 0;
  let firstError = "";
  const task = async (i: number) => {
    const body = load.post?.(i);
    const res = await client.request({
      path: load.path(i),
      method: body ? "POST" : "GET",
      headers: { "x-forwarded-for": nextAddress(), ...(body ? { "content-type": "application/json" } : {}) },
      body,
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) {
      errors++;
      firstError ||= `${res.statusCode} ${text.slice(0, 160)}`;
    }
  };
  await runFor(WARMUP_MS, load.connections, task);
  const before = { server: treeCpu(pid), bench: process.cpuUsage(), machine: machineBusyMs() };
  const run = await runFor(SECONDS * 1000, load.connections, task);
  const server = cpuSince(before.server, treeCpu(pid));
  const { user, system } = process.cpuUsage(before.bench);
  const bench = (user + system) / 1000;
  const cpuMs = { server, bench, rest: Math.max(0, machineBusyMs() - before.machine - server - bench) };
  if (firstError) console.log(`  ${load.name}: ${errors} non-200 answers, first: ${firstError}`);
  return { ...run, cpuMs };
}

/** One row from a load's rounds, pooled: all requests over all measured time, percentiles over all samples. */
function rowOf(load: Load, samples: Sample[]): Row {
  const latencies = samples.flatMap((x) => x.latencies);
  const elapsedMs = samples.reduce((t, x) => t + x.elapsedMs, 0);
  const s = summarize(latencies);
  const per = (k: keyof Cpu) => samples.reduce((t, x) => t + x.cpuMs[k], 0) / latencies.length;
  const cpuMs = { server: per("server"), bench: per("bench"), rest: per("rest") };
  const roundRates = samples.map((x) => (x.latencies.length / x.elapsedMs) * 1000);
  const perSecond = (latencies.length / elapsedMs) * 1000;
  return { name: load.name, connections: load.connections, perSecond, roundRates, p50: s.p50, p99: s.p99, cpuMs, base: load.base, target: load.target };
}

/** The median and range of the per-round ratios, when there are several rounds. */
function roundRatios(r: Row, base: Row): string {
  const ratios = r.roundRates.map((rate, i) => rate / base.roundRates[i]!).sort((a, b) => a - b);
  if (ratios.length < 2) return "";
  const mid = Math.floor(ratios.length / 2);
  const median = ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
  return ` (rounds: median ${median.toFixed(2)}, ${ratios[0]!.toFixed(2)}-${ratios.at(-1)!.toFixed(2)})`;
}

function table(rows: Row[]): string {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const lines = [
    "| what | connections | req/s | p50 | p99 | CPU/req: server | load gen + fakes | rest (PostgreSQL, kernel) | ratio | target |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const base = r.base ? byName.get(r.base) : undefined;
    const ratio = base ? `${(r.perSecond / base.perSecond).toFixed(2)}x ${r.base}${roundRatios(r, base)}` : "";
    const cpu = r.cpuMs === null ? "| | " : `${ms(r.cpuMs.server)} | ${ms(r.cpuMs.bench)} | ${ms(r.cpuMs.rest)}`;
    lines.push(`| ${r.name} | ${r.connections || ""} | ${Math.round(r.perSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${cpu} | ${ratio} | ${r.target ?? ""} |`);
  }
  return lines.join("\n");
}

async function settle(pool: PgPool): Promise<void> {
  await pool.query("VACUUM (ANALYZE) signups");
  await pool.query("CHECKPOINT");
}

export async function benchSideBySide(pool: PgPool): Promise<void> {
  console.log(`\n## Side by side: one next start, ${SECONDS} s a row; then the DB path`);
  const siteverify = await startFakeSiteverify({ secret: "bench-secret", hostname: "127.0.0.1" });
  const slug = `bench-sbs-${Date.now()}`;
  await pool.query(
    `INSERT INTO waitlists (id, created_by, team_id, slug, title, description, plan, updated_at)
     VALUES ($1, $2, (SELECT id FROM teams WHERE personal_of = $2), $1, 'Launch', 'The side-by-side benchmark''s list.', 'PRO', now())`,
    [slug, await benchOwner(pool)],
  );
  const server = await startBenchServer(siteverify.url, { TRUSTED_PROXY_HOPS: "1", BENCH_NOOP_ROUTE: "1" });
  const client = new Pool(server.baseUrl, { connections: 64 });
  const rows: Row[] = [];
  try {
    const floor = "floor";
    const loads: Load[] = [
      { name: floor, connections: 64, path: () => "/api/bench/noop" },
      // The same no-op answering a POST with a signup-sized JSON body: what a POST costs Next before any of our code.
      {
        name: "floor, POST",
        connections: 64,
        path: () => "/api/bench/noop",
        post: (i) => JSON.stringify({ email: `side${i}@bench.example`, turnstile: `pass-${slug}-${i}-${Date.now()}` }),
        base: floor,
      },
      {
        name: "signup",
        connections: 64,
        path: () => `/api/public/${slug}/signup`,
        post: (i) => JSON.stringify({ email: `side${i}-${Date.now()}@bench.example`, turnstile: `pass-${slug}-${i}-${Date.now()}` }),
        base: floor,
        target: "≥ 0.65x floor, p99 < 200 ms",
        writes: true,
      },
      { name: "config", connections: 64, path: () => `/api/public/${slug}/config`, base: floor, target: "≥ 0.9x floor" },
      { name: "landing", connections: 32, path: () => "/" },
      { name: "hosted page", connections: 32, path: () => `/w/${slug}`, base: "landing", target: "≥ 0.8x landing, p99 < 100 ms" },
    ];
    const only = process.env.BENCH_ROWS?.split(",");
    const picked = loads.filter((l) => !only || only.includes(l.name));
    // Rounds interleave the rows, so a change in the machine's load over the run falls on every row alike.
    const samples = new Map<string, Sample[]>(picked.map((l) => [l.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const load of picked) {
        const sample = await measure(client, server.pid, load);
        samples.get(load.name)!.push(sample);
        // On 2 cores, PostgreSQL vacuuming and checkpointing after the signups would bill the next row for them.
        if (load.writes) await settle(pool);
        const one = rowOf(load, [sample]);
        console.log(`  round ${round}, ${load.name}: ${Math.round(one.perSecond)} req/s, p50 ${ms(one.p50)} p99 ${ms(one.p99)}`);
      }
    }
    for (const load of picked) rows.push(rowOf(load, samples.get(load.name)!));
  } finally {
    await client.close();
    await server.stop();
    await siteverify.close();
  }
  const { rows: line } = await pool.query<{ n: number; gapless: boolean }>(
    `SELECT COUNT(*)::int AS n, COALESCE(MAX(seq), 0) = COUNT(*) AS gapless FROM signups WHERE waitlist_id = $1`,
    [slug],
  );
  console.log(`  signup check: ${line[0]!.n} stored, seqs 1..${line[0]!.n} ${line[0]!.gapless ? "gapless" : "NOT gapless"}`);
  await pool.query(`DELETE FROM waitlists WHERE id = $1`, [slug]);
  if (process.env.BENCH_ROWS) return console.log(`\n${table(rows)}`);

  const db = await benchDbSignups(pool, { size: Number(process.env.BENCH_SIGNUPS ?? 1_000_000) });
  rows.push({
    name: `DB path (${db.size.toLocaleString("en-US")} list, 64 callers in 2 processes)`,
    connections: 0,
    perSecond: db.perSecond,
    roundRates: [db.perSecond],
    p50: db.p50,
    p99: db.p99,
    cpuMs: null,
    target: "≥ 3,000/s",
  });
  console.log(`\n${table(rows)}`);
}
