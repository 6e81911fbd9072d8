import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

// Applies prisma/migrations/<name>/migration.sql with the same bookkeeping as `prisma migrate deploy`, because
// Prisma's schema engine cannot run on these machines (see shared/STACK.md). Keeping Prisma's table, checksums
// and lock key means a machine that does have the engine can take over the same database without a reset.
// No "server-only" here: scripts and tests import it outside Next.

/** Prisma's advisory lock key for migrations: two runners (or a runner and Prisma itself) never interleave. */
export const PRISMA_MIGRATION_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// Prisma's own definition of the table, so `prisma migrate status` on a full install reads our rows as its own.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrateOptions = {
  /** Folder holding <name>/migration.sql folders; defaults to the repo's prisma/migrations. */
  dir?: string;
  log?: (message: string) => void;
};

export type MigrateResult = {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Migrations that were already applied before this call. */
  skipped: string[];
};

export class MigrationError extends Error {
  constructor(
    message: string,
    public readonly migration: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

type LocalMigration = { name: string; sql: string; checksum: string };

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export function checksumOf(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Prisma's comparison: git may have rewritten line endings since the migration was applied, and very old Prisma
 * versions stored the hex digest without zero padding.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    const rendered =
      checksum.length !== 0 && checksum.length !== 64
        ? [...digest].map((b) => b.toString(16)).join("")
        : digest.toString("hex");
    return rendered === checksum;
  });
}

/** Lists local migrations in Prisma's order (folder name, byte-wise). */
export async function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) {
      throw new MigrationError(`Migration folder ${name} has no migration.sql (${file})`, name);
    }
    const bytes = await readFile(file);
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) });
  }
  return migrations;
}

/**
 * Applies pending migrations. Accepts a connection string (a connection is opened and closed here) or a connected
 * pg client (left open; it must not be inside a transaction, and must not be a pool: the lock is per session).
 */
export async function migrate(target: string | pg.ClientBase, options: MigrateOptions = {}): Promise<MigrateResult> {
  const dir = options.dir ?? DEFAULT_MIGRATIONS_DIR;
  const log = options.log ?? (() => undefined);
  // Read files first: a broken migrations folder should fail before touching the database.
  const local = await readMigrations(dir);

  const ownClient = typeof target === "string";
  const client: pg.ClientBase = ownClient ? new pg.Client({ connectionString: target }) : target;
  if (ownClient) {
    // An idle-connection error (server restart) would otherwise be an uncaught 'error' event.
    (client as pg.Client).on("error", () => undefined);
    await (client as pg.Client).connect();
  }

  let locked = false;
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATION_LOCK_KEY]);
    locked = true;
    await client.query(CREATE_MIGRATIONS_TABLE);
    return await applyPending(client, local, log);
  } finally {
    if (locked) {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
    if (ownClient) await (client as pg.Client).end().catch(() => undefined);
  }
}

async function applyPending(
  client: pg.ClientBase,
  local: LocalMigration[],
  log: (message: string) => void,
): Promise<MigrateResult> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  // Rolled-back attempts do not count, exactly as in Prisma (a later attempt gets its own row).
  const live = rows.filter((r) => r.rolled_back_at === null);

  const failed = live.find((r) => r.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} is recorded as failed in _prisma_migrations (started, never finished). ` +
        `Fix the database by hand, then mark the attempt rolled back: UPDATE "_prisma_migrations" SET ` +
        `rolled_back_at = now() WHERE migration_name = '${failed.migration_name}' AND finished_at IS NULL ` +
        `(what \`prisma migrate resolve --rolled-back\` does).`,
      failed.migration_name,
    );
  }

  const appliedByName = new Map(live.map((r) => [r.migration_name, r]));
  const localNames = new Set(local.map((m) => m.name));
  for (const row of live) {
    if (!localNames.has(row.migration_name)) {
      // Not fatal: an older checkout against a newer database, or a deliberately deleted migration.
      log(`warning: migration ${row.migration_name} is applied in the database but missing from the migrations folder`);
    }
  }

  const applied: string[] = [];
  const skipped: string[] = [];
  for (const migration of local) {
    const row = appliedByName.get(migration.name);
    if (row) {
      if (!scriptMatchesChecksum(migration.sql, row.checksum)) {
        throw new MigrationError(
          `Migration ${migration.name} was modified after it was applied: its migration.sql checksum ` +
            `(${migration.checksum}) differs from the one recorded in _prisma_migrations (${row.checksum}). ` +
            `Restore the file and put the change in a new migration.`,
          migration.name,
        );
      }
      skipped.push(migration.name);
      continue;
    }
    await applyOne(client, migration, log);
    applied.push(migration.name);
  }
  return { applied, skipped };
}

async function applyOne(client: pg.ClientBase, migration: LocalMigration, log: (message: string) => void) {
  const id = randomUUID();
  log(`applying ${migration.name}`);
  const startedAt = new Date();
  try {
    await client.query("BEGIN");
    // Same row lifecycle as Prisma: inserted when started, finished_at and the step count set on success.
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, 0)`,
      [id, migration.checksum, migration.name, startedAt],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    // The transaction left the schema untouched, so the attempt is recorded as already rolled back: it keeps the
    // error for later reading without blocking the next run the way a half-applied (failed) migration must.
    await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at)
         VALUES ($1, $2, $3, $4, $5, now())`,
        [id, migration.checksum, migration.name, message, startedAt],
      )
      .catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`, migration.name);
  }
}
