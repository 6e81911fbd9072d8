import "server-only";
import PgBoss from "pg-boss";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { ensureFailedJobIndexes } from "@/lib/jobs/failed-indexes";
import { JOB_NAMES } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";

// pg-boss on the app's own pg pool (no second pool). It keeps its tables in its own schema (JOB_SCHEMA,
// `pgboss`), which it creates and migrates itself on start, under its own advisory lock, so app instances and
// workers starting together do not race; the hand-written migrations in prisma/migrations never touch it.

/** pg-boss's view of a pg pool or client; `send(..., { db })` with a transaction's client joins that transaction. */
export type SqlRunner = { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };
export function asBossDb(runner: SqlRunner): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: (await runner.query(text, values)).rows }) };
}

/**
 * A started pg-boss with every queue of lib/jobs/queues.ts. `supervise` runs maintenance (failing the jobs of
 * killed workers once they expire, so they are retried; archiving): the worker's instance does, the producer's
 * does not, so enqueueing leaves no timers behind in scripts and tests.
 */
export async function startBoss(options: { supervise: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    db: asBossDb(pool()),
    schema: env().JOB_SCHEMA,
    migrate: true,
    supervise: options.supervise,
    schedule: false,
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", (error) => logger.error("job queue error", error));
  await startWithQueues(boss);
  return boss;
}

/** Any key of our own: only processes of this app take it. */
const QUEUE_SETUP_LOCK = 72_707_370;

/**
 * Starts pg-boss and creates the queues that are missing, under a session advisory lock: two processes creating
 * the same queue at once (app instances starting together on a new database) deadlock inside pg-boss's
 * create_queue, and two creating pg-boss's schema at once can fail with a duplicate key (its CREATE SCHEMA IF NOT
 * EXISTS runs on a catalog cache read before it waited for its own lock).
 */
async function startWithQueues(boss: PgBoss): Promise<void> {
  const client = await pool().connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [QUEUE_SETUP_LOCK]);
    await boss.start();
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of JOB_NAMES) {
      // "short": a second job with the same singletonKey is dropped while the first still waits to run.
      if (!existing.has(name)) await boss.createQueue(name, { name, policy: "short" });
    }
    await ensureFailedJobIndexes(client);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [QUEUE_SETUP_LOCK]).catch(() => undefined);
    client.release();
  }
}

type Holder = { producer?: Promise<PgBoss> };
const holder = globalThis as typeof globalThis & { __waitforgeJobs?: Holder };
const state: Holder = (holder.__waitforgeJobs ??= {});

/** The process's producer (send only): schema and queues ensured on first use, then cached. */
export function jobs(): Promise<PgBoss> {
  state.producer ??= startBoss({ supervise: false }).catch((error: unknown) => {
    state.producer = undefined;
    throw error;
  });
  return state.producer;
}

/** Forgets the producer (tests and scripts, before closeDb). */
export async function stopJobs(): Promise<void> {
  const producer = state.producer;
  state.producer = undefined;
  const boss = await producer?.catch(() => undefined);
  await boss?.stop({ close: false, graceful: false });
}
