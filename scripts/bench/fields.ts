import type { Pool } from "pg";
import { readFieldDefinitions } from "@/lib/fields/schemas";
import { startFakeSiteverify } from "@/tests/support/fake-siteverify";
import { startBenchServer } from "./bench-server";
import { benchOwner } from "./positions";
import { ms, runConcurrently, summarize } from "./stats";

// `npm run bench -- fields`: the launch-day signup burst over HTTP (as `http`) against two lists on one server,
// one without questions and one with three (a required single choice, a number, a long text), every signup
// answering all three. Rounds alternate between the lists so drift of a busy machine hits both alike. Prints
// both and the ratio; issue #16 asks the list with questions to stay within 10% of the one without.

const SIGNUPS = Number(process.env.BENCH_FIELDS_SIGNUPS ?? 2000);
const ROUNDS = Number(process.env.BENCH_FIELDS_ROUNDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_FIELDS_CONCURRENCY ?? 64);

export const THREE_QUESTIONS = [
  { id: "role", type: "single_choice", label: "Role", choices: ["Founder", "Engineer", "Other"], requirement: "required" },
  { id: "team", type: "number", label: "Team size", min: 1, max: 10000 },
  { id: "why", type: "long_text", label: "Why are you interested?" },
];
const ANSWERS = { role: "Engineer", team: 12, why: "We run a waitlist for every launch and want to know who is waiting." };

type Figures = { perSecond: number; p50: number; p95: number };

export async function benchFields(pool: Pool): Promise<{ without: Figures; with: Figures; ratio: number }> {
  console.log(`\n## Signups with and without three custom fields over HTTP (${ROUNDS} rounds of ${SIGNUPS / ROUNDS} each, ${CONCURRENCY} concurrent)`);
  const siteverify = await startFakeSiteverify({ secret: "bench-secret", hostname: "127.0.0.1" });
  const owner = await benchOwner(pool);
  const stamp = Date.now();
  const lists = { without: `bench-plain-${stamp}`, with: `bench-fields-${stamp}` };
  for (const [kind, id] of Object.entries(lists)) {
    const fields = kind === "with" ? JSON.stringify(readFieldDefinitions(THREE_QUESTIONS)) : "[]";
    await pool.query(
      `INSERT INTO waitlists (id, created_by, team_id, slug, title, plan, custom_fields, updated_at) VALUES ($1, $2, (SELECT id FROM teams WHERE personal_of = $2), $1, 'Bench', 'PRO', $3::jsonb, now())`,
      [id, owner, fields],
    );
  }
  const server = await startBenchServer(siteverify.url, { RATE_LIMIT_PER_MINUTE: "100000" });
  const latencies = { without: [] as number[], with: [] as number[] };
  const elapsed = { without: 0, with: 0 };
  try {
    const signup = async (kind: "without" | "with", i: number) => {
      const res = await fetch(`${server.baseUrl}/api/public/${lists[kind]}/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `${kind}${i}@bench.example`, turnstile: `pass-${kind}-${i}`, ...(kind === "with" ? { answers: ANSWERS } : {}) }),
      });
      if (res.status !== 200) throw new Error(`${kind} signup ${i}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    // Warm-up: the first requests compile routes and open connections.
    for (let i = 0; i < 20; i++) await Promise.all([signup("without", -1 - i), signup("with", -1 - i)]);
    const perRound = Math.ceil(SIGNUPS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const order: ("without" | "with")[] = round % 2 === 0 ? ["without", "with"] : ["with", "without"];
      for (const kind of order) {
        const run = await runConcurrently(perRound, CONCURRENCY, (k) => signup(kind, round * perRound + k));
        latencies[kind].push(...run.latencies);
        elapsed[kind] += run.elapsedMs;
      }
    }
    const figures = (kind: "without" | "with"): Figures => {
      const s = summarize(latencies[kind]);
      return { perSecond: (latencies[kind].length / elapsed[kind]) * 1000, p50: s.p50, p95: s.p95 };
    };
    const without = figures("without");
    const withFields = figures("with");
    const ratio = withFields.perSecond / without.perSecond;
    const line = (name: string, f: Figures) => `${name}: ${Math.round(f.perSecond)} signups/s, p50 ${ms(f.p50)} p95 ${ms(f.p95)}`;
    console.log(line("without custom fields ", without));
    console.log(line("with 3 custom fields  ", withFields));
    console.log(`ratio (with / without throughput): ${ratio.toFixed(3)}: ${ratio >= 0.9 ? "within" : "NOT within"} 10%`);
    return { without, with: withFields, ratio };
  } finally {
    await server.stop();
    await siteverify.close();
    await pool.query(`DELETE FROM waitlists WHERE id = ANY($1)`, [Object.values(lists)]);
  }
}
