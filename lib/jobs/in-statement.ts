import "server-only";
import { env } from "@/lib/env";
import { QUEUES, retryPolicy, type JobName } from "@/lib/jobs/queues";

/**
 * A job INSERT to use as a data-modifying CTE inside another statement: one job per row of `source`, written
 * by the same statement, so it commits (or not) with the change that caused it and costs no round trip.
 * The signup hot path needs that: a separate `send(..., { db })` inside BEGIN ... COMMIT holds the waitlist
 * row lock across two more round trips and cost about a third of the signup rate under load; this costs about
 * a tenth (README, Benchmarks).
 *
 * It writes the row pg-boss 10's own send() writes with our options (lib/jobs/jobs.test.ts compares the two
 * column by column): `dataSql` and `keySql` are SQL expressions over `source`'s columns. The queue must
 * exist (jobs() ensures it). Unlike send() there is no ON CONFLICT DO NOTHING: the key names a row this very
 * statement creates, so no job can hold it yet, and a speculative insert under the waitlist lock cost a few
 * percent more of the signup rate. Every interpolated value is ours: the schema is validated
 * in lib/env.ts, the rest are constants and validated integers.
 */
export function jobInsertSql(name: JobName, source: string, dataSql: string, keySql: string): string {
  const schema = env().JOB_SCHEMA;
  const { retryLimit, retryDelay } = retryPolicy();
  const expireIn = QUEUES[name].expireInSeconds;
  return `INSERT INTO ${schema}.job (name, data, singleton_key, retry_limit, retry_delay, retry_backoff, expire_in,
                              keep_until, dead_letter, policy)
  SELECT q.name, ${dataSql}, ${keySql}, ${int(retryLimit)}, GREATEST(${int(retryDelay)}, 1), true,
         ${int(expireIn)} * interval '1s',
         now() + COALESCE(q.retention_minutes * interval '1 minute', interval '14 days'), q.dead_letter, q.policy
    FROM ${source} JOIN ${schema}.queue q ON q.name = '${name}'`;
}

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}
