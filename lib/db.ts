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

// A database that stops answering without going away (frozen, partitioned, stuck on storage) must turn into
// 500s, not requests that hang until it returns: pg waits forever by default, both for a connection and for
// an answer. Bounds on top of which a request still answers in well under a client's patience.
/** Waiting for a connection: a new one, or a free one from a busy pool. */
export const DB_CONNECT_TIMEOUT_MS = 5_000;
/** Waiting for a statement's answer. Streamed queries (COPY exports) are exempt: they run as long as the list. */
export const DB_QUERY_TIMEOUT_MS = 10_000;

export function pool(): pg.Pool {
  if (!state.pool) {
    const e = env();
    state.pool = new pg.Pool({
      connectionString: e.DATABASE_URL,
      max: e.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS,
    });
    // An idle client's error (e.g. the server restarted) must not crash the process.
    state.pool.on("error", () => undefined);
    state.pool.on("connect", boundStatements);
  }
  return state.pool;
}

/**
 * Gives every statement on this client pg's read timeout unless it sets its own. Not a pool-wide
 * `query_timeout`: pg arms that timer for streamed queries too, and pg-copy-streams never clears it, so a
 * finished export would get an 'error' emitted on it later. Prisma's queries pass through here as well.
 */
function boundStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (config: unknown, ...rest: unknown[]) => unknown;
  const bounded = (config: unknown, ...rest: unknown[]) => query(withReadTimeout(config), ...rest);
  client.query = bounded as typeof client.query;
}

function withReadTimeout(config: unknown): unknown {
  if (typeof config === "string") return { text: config, query_timeout: DB_QUERY_TIMEOUT_MS };
  if (!config || typeof config !== "object" || "submit" in config || "query_timeout" in config) return config;
  return { ...config, query_timeout: DB_QUERY_TIMEOUT_MS };
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
