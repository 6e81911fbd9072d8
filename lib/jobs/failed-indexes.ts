import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { quoteIdent } from "@/lib/jobs/ident";

// The owner's "Email delivery" view (lib/jobs/dead-jobs.ts) looks for failed jobs among every job pg-boss
// keeps: completed ones for 12 hours in <schema>.job, everything for 7 days in <schema>.archive. Partial
// indexes on the few failed rows keep that lookup from reading them all. On the partitioned job table the
// index reaches every queue's partition, including ones created later (PostgreSQL adds it on ATTACH).
// Created only when missing: CREATE INDEX takes a lock that would wait for (and hold up) the signups that are
// inserting jobs at that moment, even with IF NOT EXISTS.

const INDEXES = [
  { name: "wf_job_failed_idx", table: "job" },
  { name: "wf_archive_failed_idx", table: "archive" },
] as const;

export async function ensureFailedJobIndexes(client: pg.ClientBase): Promise<void> {
  const schema = env().JOB_SCHEMA;
  const { rows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = ANY($2::text[])`,
    [schema, INDEXES.map((i) => i.name)],
  );
  const present = new Set(rows.map((r) => r.relname));
  for (const index of INDEXES.filter((i) => !present.has(i.name))) {
    await client.query(
      `CREATE INDEX IF NOT EXISTS ${index.name} ON ${quoteIdent(schema)}.${index.table} (completed_on) WHERE state = 'failed'`,
    );
  }
}
