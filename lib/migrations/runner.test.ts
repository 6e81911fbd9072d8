import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  DEFAULT_MIGRATIONS_DIR,
  migrate,
  MigrationError,
  readMigrations,
  scriptMatchesChecksum,
} from "@/lib/migrations/runner";

// The run's shared database is already migrated, so each case gets its own empty database on the same server.
const serverUrl = inject("databaseUrl");
const created: string[] = [];
const tempDirs: string[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const name = `wf_mig_${randomBytes(5).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "wf-migrations-"));
  tempDirs.push(dir);
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

afterAll(async () => {
  for (const name of created) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("migrate", () => {
  it("applies every migration to an empty database and records it as Prisma does", async () => {
    const url = await emptyDatabase();
    const local = await readMigrations();
    expect(local.length).toBeGreaterThan(0);

    const result = await migrate(url);
    expect(result).toEqual({ applied: local.map((m) => m.name), skipped: [] });

    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "users", "waitlists", "signups", "signup_blocks"]),
    );

    const rows = await query<{
      id: string;
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toHaveLength(local.length);
    for (const [i, migration] of local.entries()) {
      const row = rows[i];
      const bytes = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, migration.name, "migration.sql"));
      expect(row).toMatchObject({
        migration_name: migration.name,
        checksum: createHash("sha256").update(bytes).digest("hex"),
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      });
      expect(row?.finished_at).toBeInstanceOf(Date);
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("uses Prisma's exact _prisma_migrations column types", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string; max: number | null }>(
      url,
      `SELECT column_name, data_type, is_nullable, character_maximum_length AS max
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO", max: 36 },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO", max: 64 },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES", max: null },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO", max: 255 },
      { column_name: "logs", data_type: "text", is_nullable: "YES", max: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES", max: null },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO", max: null },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO", max: null },
    ]);
  });

  it("is a no-op when run again", async () => {
    const url = await emptyDatabase();
    const first = await migrate(url);
    const second = await migrate(url);
    expect(second).toEqual({ applied: [], skipped: first.applied });
    const [{ count } = { count: "" }] = await query<{ count: string }>(
      url,
      `SELECT count(*) FROM "_prisma_migrations"`,
    );
    expect(Number(count)).toBe(first.applied.length);
  });

  it("accepts a connected client and leaves it open", async () => {
    const url = await emptyDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const result = await migrate(client);
      expect(result.applied.length).toBeGreaterThan(0);
      const { rows } = await client.query("SELECT 1 AS one");
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    const [first] = await readMigrations(dir);
    if (!first) throw new Error("no migrations");
    await migrate(url, { dir });

    const file = path.join(dir, first.name, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- an innocent-looking edit\n`);
    const error = await migrate(url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe(first.name);
    expect((error as Error).message).toContain(first.name);
    expect((error as Error).message).toMatch(/modified after it was applied/);
  });

  it("applies a new migration added later, and only that one", async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    const before = await migrate(url, { dir });
    const name = "99990101000000_add_probe";
    await cp(path.join(dir, before.applied[0] ?? ""), path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), `CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY);\n`);
    expect(await migrate(url, { dir })).toEqual({ applied: [name], skipped: before.applied });
  });

  it("rolls a failing migration back entirely and keeps the error, without blocking a fixed retry", async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    const name = "99990101000000_broken";
    await cp(path.join(dir, (await readMigrations(dir))[0]?.name ?? ""), path.join(dir, name), { recursive: true });
    await writeFile(
      path.join(dir, name, "migration.sql"),
      `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT no_such_function();\n`,
    );
    await expect(migrate(url, { dir })).rejects.toThrow(new RegExp(`${name} failed`));

    const tables = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toHaveLength(0);
    const attempts = await query<{ logs: string; rolled_back_at: Date | null; finished_at: Date | null }>(
      url,
      `SELECT logs, rolled_back_at, finished_at FROM "_prisma_migrations" WHERE migration_name = '${name}'`,
    );
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.logs).toMatch(/no_such_function/);
    expect(attempts[0]?.rolled_back_at).toBeInstanceOf(Date);
    expect(attempts[0]?.finished_at).toBeNull();

    await writeFile(path.join(dir, name, "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\n`);
    expect((await migrate(url, { dir })).applied).toEqual([name]);
  });

  it("refuses to continue past a migration Prisma recorded as failed", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const [first] = await readMigrations();
    await query(url, `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = '${first?.name}'`);
    await expect(migrate(url)).rejects.toThrow(new RegExp(`${first?.name} is recorded as failed`));
  });

  it("applies once when two runners start at the same time", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    const total = (await readMigrations()).length;
    expect(appliedCounts).toEqual([0, 0, total]);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(total);
  });
});

describe("scriptMatchesChecksum", () => {
  const sha = (s: string) => createHash("sha256").update(s).digest("hex");

  it("matches regardless of LF/CRLF line endings, as Prisma does", () => {
    expect(scriptMatchesChecksum("a;\nb;\n", sha("a;\r\nb;\r\n"))).toBe(true);
    expect(scriptMatchesChecksum("a;\r\nb;\r\n", sha("a;\nb;\n"))).toBe(true);
  });

  it("rejects a different script", () => {
    expect(scriptMatchesChecksum("a;\n", sha("a;"))).toBe(false);
  });
});
