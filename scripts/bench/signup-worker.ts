import { createInterface } from "node:readline";

// One load process of the `signups` benchmark (scripts/bench/db-signups.ts): BENCH_CALLERS concurrent callers
// of createSignup on one waitlist, started when the parent writes a line, the latencies reported as one JSON
// line at the end. Started by the parent only (its environment names the database and this process's share).

const env = process.env;

async function main() {
  const { createSignup } = await import("@/lib/signups/mutations");
  const { closeDb, pool } = await import("@/lib/db");
  const { runConcurrently } = await import("./stats");
  const from = Number(env.BENCH_FROM);
  const refs = (env.BENCH_REFS ?? "").split(",").filter(Boolean);
  const callers = Number(env.BENCH_CALLERS);
  // Connect before the start signal, so the run measures signups, not connection set-up.
  const clients = await Promise.all(Array.from({ length: callers }, () => pool().connect()));
  for (const c of clients) c.release();
  // The job queue's schema and queues (created on first use), also before the start signal.
  await (await import("@/lib/jobs/boss")).jobs();
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once("line", () => resolve()));
  const outcomes: Record<string, number> = {};
  const cpu = process.cpuUsage();
  const run = await runConcurrently(Number(env.BENCH_COUNT), callers, async (k) => {
    const i = from + k;
    // A quarter come through the referral link of someone already on the list.
    const ref = i % 4 === 0 && refs.length > 0 ? refs[i % refs.length]! : null;
    const r = await createSignup({ waitlistId: env.BENCH_WAITLIST!, email: `new${i}@bench.example`, ref });
    outcomes[r.kind] = (outcomes[r.kind] ?? 0) + 1;
  });
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  process.stdout.write(`${JSON.stringify({ latencies: run.latencies, outcomes, cpuMs })}\n`);
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
