import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEFAULT_MIGRATIONS_DIR, migrate } from "@/lib/migrations/runner";

// A database stopped at a point of the migration history, for tests of one migration's data handling: build it
// up to just before the migration, insert rows in the old shape, then apply the migration and read the new one.
// The real runner applies each stage (lib/migrations/runner.ts) from a temporary copy of prisma/migrations that
// holds only the folders up to that stage; the checksums are the real files', so each stage skips the earlier.
// Not "server-only": tests only.

export type StagedDatabase = {
  url: string;
  /** Applies the pending migrations up to and including `name`; returns the names applied. */
  applyThrough(name: string): Promise<string[]>;
  /** One query on a fresh connection (the caller's SQL; values as bind parameters). */
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  /** Drops the database and the temporary folders. */
  drop(): Promise<void>;
};

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migrationsUpTo(name: string, inclusive: boolean): Promise<string> {
  const all = (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  if (!all.includes(name)) throw new Error(`No migration named ${name} in ${DEFAULT_MIGRATIONS_DIR}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "wf-migration-stage-"));
  for (const folder of all.filter((n) => (inclusive ? n <= name : n < name))) {
    await cp(path.join(DEFAULT_MIGRATIONS_DIR, folder), path.join(dir, folder), { recursive: true });
  }
  return dir;
}

/**
 * A new database on `serverUrl`'s server (the run's test database URL will do), migrated up to but not
 * including `migration`.
 */
export async function databaseBefore(serverUrl: string, migration: string): Promise<StagedDatabase> {
  const name = `wf_stage_${randomBytes(5).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const dirs: string[] = [];
  const applyUpTo = async (target: string, inclusive: boolean) => {
    const dir = await migrationsUpTo(target, inclusive);
    dirs.push(dir);
    return (await migrate(url, { dir })).applied;
  };
  const staged: StagedDatabase = {
    url,
    applyThrough: (target) => applyUpTo(target, true),
    async query(sql, values) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, values)).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await applyUpTo(migration, false);
  } catch (error) {
    await staged.drop().catch(() => undefined);
    throw error;
  }
  return staged;
}
