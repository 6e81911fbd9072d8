import { randomBytes } from "node:crypto";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { redactUrl, startEmbeddedPostgres } from "@/lib/dev/embedded-postgres";
import { migrate } from "@/lib/migrations/runner";

// One fresh, migrated database per test run. Not "server-only": only Vitest's global setup and scripts use it.

export type TestDatabase = {
  /** Connection string of the migrated database. */
  url: string;
  /** Drops the database (or stops and deletes the throwaway cluster). Safe to call twice. */
  drop(): Promise<void>;
};

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Throws unless `url` points at this machine (localhost, loopback or a unix socket). Tests create and drop
 * databases, so a DATABASE_URL left pointing at a shared or production server must stop the run, not feed it.
 */
export function assertLocalDatabase(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("Refusing to run tests: DATABASE_URL is not a valid URL");
  }
  // libpq lets ?host= override the authority, and a host starting with "/" (possibly percent-encoded) is a
  // unix-socket directory; an empty host means the default socket.
  let host = parsed.searchParams.get("host") ?? parsed.hostname;
  try {
    host = decodeURIComponent(host);
  } catch {
    // left encoded: then it is not "/..." and not a loopback name, so it is refused below
  }
  const local = host === "" || host.startsWith("/") || LOCAL_HOSTS.has(host.toLowerCase());
  if (!local) {
    throw new Error(
      `Refusing to run tests against the non-local database host "${host}": tests create and drop databases. ` +
        `Point DATABASE_URL at localhost, or unset it to use a throwaway embedded PostgreSQL.`,
    );
  }
}

function withDatabase(url: string, dbName: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(dbName)}`;
  return u.toString();
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Throwaway clusters of test runs (also the fault suites' restartable ones) live in os.tmpdir() under this prefix. */
export const CLUSTER_PREFIX = "waitforge-test-pg-";

/**
 * A killed test run never gets to delete its throwaway cluster (about 40 MB each); later runs clear those whose
 * server is gone. Dirs younger than 10 minutes are left alone: initdb may still be writing one for another run.
 */
export async function sweepAbandonedClusters(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const name of entries.filter((n) => n.startsWith(CLUSTER_PREFIX))) {
    const dir = path.join(root, name);
    try {
      const info = await stat(dir);
      if (Date.now() - info.mtimeMs < 10 * 60_000) continue;
      const pidText = await readFile(path.join(dir, "postmaster.pid"), "utf8").catch(() => undefined);
      const pid = pidText ? Number.parseInt(pidText.split("\n")[0] ?? "", 10) : NaN;
      if (Number.isFinite(pid) && pid > 0) {
        try {
          process.kill(pid, 0);
          continue; // still running
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "EPERM") continue;
        }
      }
      await rm(dir, { recursive: true, force: true });
    } catch {
      // Best effort: never fail a test run over cleanup.
    }
  }
}

/**
 * Creates a fresh database and migrates it. With DATABASE_URL set: `CREATE DATABASE wf_test_<random>` on that
 * (local) server, connecting with its credentials. Without: a throwaway embedded PostgreSQL under os.tmpdir().
 */
export async function createTestDatabase(options: { log?: (message: string) => void } = {}): Promise<TestDatabase> {
  const log = options.log ?? (() => undefined);
  const serverUrl = process.env.DATABASE_URL;
  const dbName = `wf_test_${randomBytes(6).toString("hex")}`;

  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    await onServer(serverUrl, `CREATE DATABASE "${dbName}"`);
    const url = withDatabase(serverUrl, dbName);
    let dropped = false;
    const drop = async () => {
      if (dropped) return;
      dropped = true;
      // FORCE: a pool a test forgot to close must not keep the database (and the next run's name space) alive.
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    };
    try {
      await migrate(url, { log });
    } catch (error) {
      await drop().catch(() => undefined);
      throw error;
    }
    log(`test database ${dbName} on ${redactUrl(serverUrl)}`);
    return { url, drop };
  }

  const root = os.tmpdir();
  await sweepAbandonedClusters(root);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, `${CLUSTER_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}`),
    persistent: false,
    log,
  });
  try {
    const url = server.connectionString("postgres");
    await onServer(url, `CREATE DATABASE "${dbName}"`);
    const dbUrl = server.connectionString(dbName);
    assertLocalDatabase(dbUrl);
    await migrate(dbUrl, { log });
    log(`test database ${dbName} on embedded PostgreSQL (port ${server.port}, ${server.dataDir})`);
    return { url: dbUrl, drop: server.stop };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
}
