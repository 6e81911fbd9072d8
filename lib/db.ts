import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One pg pool per process, shared by Prisma (through the adapter) and by the hot-path SQL in lib/signups,
// kept on globalThis so `next dev` hot reloads do not open a new pool each time.
type Holder = { pool?: pg.Pool; prisma?: PrismaClient };
const holder = globalThis as typeof globalThis & { __waitforgeDb?: Holder };
const state: Holder = (holder.__waitforgeDb ??= {});

export function pool(): pg.Pool {
  if (!state.pool) {
    const e = env();
    state.pool = new pg.Pool({ connectionString: e.DATABASE_URL, max: e.DATABASE_POOL_SIZE });
    // An idle client's error (e.g. the server restarted) must not crash the process.
    state.pool.on("error", () => undefined);
  }
  return state.pool;
}

export function db(): PrismaClient {
  state.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return state.prisma;
}

/** Closes the pool (tests and scripts). */
export async function closeDb(): Promise<void> {
  const { prisma, pool: p } = state;
  state.prisma = undefined;
  state.pool = undefined;
  await prisma?.$disconnect();
  await p?.end();
}

/** Runs `fn` in one transaction on one pooled client; rolls back on any error. */
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    broken = error instanceof Error ? error : new Error("transaction failed");
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Runs `fn` inside a savepoint of the transaction already open on `client`: on error only its own work is rolled
 * back and the transaction stays usable (e.g. for a retry); the error is rethrown.
 */
export async function withSavepoint<T>(client: pg.PoolClient, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  await client.query("SAVEPOINT wf_savepoint");
  try {
    const result = await fn(client);
    await client.query("RELEASE SAVEPOINT wf_savepoint");
    return result;
  } catch (error) {
    await client.query("ROLLBACK TO SAVEPOINT wf_savepoint").catch(() => undefined);
    throw error;
  }
}
