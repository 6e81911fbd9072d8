import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { jobs } from "@/lib/jobs/boss";
import { quoteIdent } from "@/lib/jobs/ident";
import { SIGNUP_JOB_NAMES, type JobName } from "@/lib/jobs/queues";

// Jobs that used up their retries (pg-boss state `failed`), as the owner of the waitlist sees them, and the
// owner's Retry: the signup emails, and the runs of scheduled waves (a wave whose run died stays `scheduled`
// with a past next_run_at, lib/invitations/waves.ts, until that run is retried). pg-boss keeps a failed job in
// <schema>.job for 12 hours, then in <schema>.archive for 7 days; both are read. Every query is scoped by
// waitlist AND owner through the job's signupId or waveId, so another owner's job id answers exactly like a
// missing one, and filtered by queue name, which pg-boss partitions and indexes the job table by.

export type FailedJob = {
  id: string;
  /** The queue: signup-welcome, signup-digest, ..., invite-wave (a scheduled wave's run) */
  kind: string;
  /** The email's recipient; for a wave's run, which wave ("Top 100, weekly"). */
  recipient: string;
  attempts: number;
  /** The last attempt's error, shortened, with anything shaped like a token taken out. */
  error: string;
  failed_at: string;
};

export type DeliverySummary = { failed: number; waiting: number; sent_24h: number };

export const FAILED_LIST_LIMIT = 100;
const ERROR_MAX = 300;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WAVE_JOB: JobName = "invite-wave";

/** A payload id (signupId, waveId) as a uuid, NULL when it has none (a malformed one must not fail the whole query). */
function dataIdSql(alias: string, key: "signupId" | "waveId"): string {
  const id = `${alias}.data->>'${key}'`;
  return `CASE WHEN ${id} ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' THEN (${id})::uuid END`;
}

/** The jobs of both tables matching `where`, with `archived` and `ref_id` (the payload's `key` as a uuid). */
function jobsSql(where: string, key: "signupId" | "waveId"): string {
  const schema = quoteIdent(env().JOB_SCHEMA);
  const columns = `id, name, state, retry_count, started_on, completed_on, output, ${dataIdSql("t", key)} AS ref_id`;
  return `(SELECT ${columns}, false AS archived FROM ${schema}.job t WHERE ${where}
           UNION ALL
           SELECT ${columns}, true AS archived FROM ${schema}.archive t WHERE ${where})`;
}

/**
 * The jobs matching `where` that belong to waitlist $1 of owner $2 ($3: SIGNUP_JOB_NAMES): signup emails with
 * their recipient's address, and wave runs described by their wave.
 */
function ownedJobsSql(where: string): string {
  return `(SELECT j.*, s.email AS recipient
             FROM ${jobsSql(`${where} AND name = ANY($3::text[])`, "signupId")} j
             JOIN signups s ON s.id = j.ref_id JOIN waitlists w ON w.id = s.waitlist_id
            WHERE s.waitlist_id = $1 AND w.team_id = $2
           UNION ALL
           SELECT j.*, 'Top ' || v.size || ', ' || v.kind AS recipient
             FROM ${jobsSql(`${where} AND name = '${WAVE_JOB}'`, "waveId")} j
             JOIN invite_waves v ON v.id = j.ref_id JOIN waitlists w ON w.id = v.waitlist_id
            WHERE v.waitlist_id = $1 AND w.team_id = $2)`;
}

/** The owner's failed jobs on this waitlist, newest first. */
export async function listFailedJobs(teamId: string, waitlistId: string): Promise<FailedJob[]> {
  await jobs(); // pg-boss's tables exist
  const { rows } = await pool().query<{
    id: string;
    name: string;
    retry_count: number;
    started_on: Date | null;
    completed_on: Date | null;
    output: unknown;
    recipient: string;
  }>(
    `SELECT j.id, j.name, j.retry_count, j.started_on, j.completed_on, j.output, j.recipient
       FROM ${ownedJobsSql("state = 'failed'")} j
      ORDER BY j.completed_on DESC NULLS LAST
      LIMIT ${FAILED_LIST_LIMIT}`,
    [waitlistId, teamId, SIGNUP_JOB_NAMES],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.name,
    recipient: r.recipient,
    attempts: r.retry_count + (r.started_on ? 1 : 0),
    error: errorMessage(r.output),
    failed_at: (r.completed_on ?? new Date(0)).toISOString(),
  }));
}

/** How many failed jobs this waitlist has (the dashboard's badge). */
export async function countFailedJobs(teamId: string, waitlistId: string): Promise<number> {
  await jobs();
  const { rows } = await pool().query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM ${ownedJobsSql("state = 'failed'")} j`,
    [waitlistId, teamId, SIGNUP_JOB_NAMES],
  );
  return rows[0]?.n ?? 0;
}

/** Failed, still queued (waiting, retrying or running) and sent in the last 24 hours, for this waitlist. */
export async function deliverySummary(teamId: string, waitlistId: string): Promise<DeliverySummary> {
  const failed = await countFailedJobs(teamId, waitlistId);
  const { rows } = await pool().query<Omit<DeliverySummary, "failed">>(
    `SELECT
       (SELECT COUNT(*) FROM ${quoteIdent(env().JOB_SCHEMA)}.job j
          JOIN signups s ON s.id = ${dataIdSql("j", "signupId")}
         WHERE j.name = ANY($3::text[]) AND j.state < 'completed' AND s.waitlist_id = $1)::int AS waiting,
       (SELECT COUNT(*) FROM signup_emails e JOIN signups s ON s.id = e.signup_id
         WHERE s.waitlist_id = $1 AND e.sent_at > now() - interval '24 hours')::int AS sent_24h
      FROM waitlists w WHERE w.id = $1 AND w.team_id = $2`,
    [waitlistId, teamId, SIGNUP_JOB_NAMES],
  );
  return { failed, waiting: rows[0]?.waiting ?? 0, sent_24h: rows[0]?.sent_24h ?? 0 };
}

/**
 * Puts a failed job back in line, as pg-boss's retry() does (state `retry`, one more attempt allowed), from
 * the job table or the archive. Unlike retry(), it also clears completed_on and renews keep_until: pg-boss
 * archives any non-failed job whose completed_on is older than 12 hours, which would swallow the retry of an
 * old failure. The email itself is still sent at most once (deliverSignupEmail's ledger); a wave's run runs at
 * most once (runWave finds the wave past that run).
 */
export async function retryFailedJob(teamId: string, waitlistId: string, jobId: string): Promise<void> {
  const missing = () => new AppError("not_found", "No email or wave job with this id on this waitlist.");
  if (!UUID.test(jobId)) throw missing();
  await jobs();
  const { rows } = await pool().query<{ name: string; state: string; archived: boolean }>(
    `SELECT j.name, j.state, j.archived FROM ${ownedJobsSql("id = $4::uuid")} j`,
    [waitlistId, teamId, SIGNUP_JOB_NAMES, jobId],
  );
  const job = rows[0];
  if (!job) throw missing();
  if (job.state !== "failed" || !(await putBack(job.name, jobId, job.archived))) {
    throw new AppError("conflict", "This job has not failed (it is waiting, running, or done); there is nothing to retry.");
  }
}

async function putBack(name: string, jobId: string, archived: boolean): Promise<boolean> {
  const schema = quoteIdent(env().JOB_SCHEMA);
  const { rowCount } = archived
    ? await pool().query(
        `WITH moved AS (DELETE FROM ${schema}.archive WHERE name = $2 AND id = $1::uuid AND state = 'failed' RETURNING *)
         INSERT INTO ${schema}.job (id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff,
                                   start_after, started_on, singleton_key, singleton_on, expire_in, created_on,
                                   keep_until, dead_letter, policy, output)
         SELECT id, name, priority, data, 'retry', retry_limit + 1, retry_count, retry_delay, retry_backoff,
                now(), started_on, singleton_key, singleton_on, expire_in, created_on,
                now() + interval '14 days', dead_letter, policy, output
           FROM moved`,
        [jobId, name],
      )
    : await pool().query(
        `UPDATE ${schema}.job SET state = 'retry', retry_limit = retry_limit + 1, start_after = now(), completed_on = NULL,
                keep_until = GREATEST(keep_until, now() + interval '14 days')
          WHERE name = $2 AND id = $1::uuid AND state = 'failed'`,
        [jobId, name],
      );
  return (rowCount ?? 0) > 0;
}

/** The worker stores { message }; pg-boss's own expiry stores { value: { message } }. */
function errorMessage(output: unknown): string {
  const o = (output ?? {}) as { message?: unknown; value?: { message?: unknown } };
  const raw = typeof o.message === "string" ? o.message : typeof o.value?.message === "string" ? o.value.message : "Unknown error";
  // Links in emails carry secrets (status and unsubscribe tokens): nothing token-shaped is shown.
  const cleaned = raw.replace(/[A-Za-z0-9_-]{24,}/g, "[hidden]").replace(/\s+/g, " ").trim();
  return cleaned.length > ERROR_MAX ? `${cleaned.slice(0, ERROR_MAX - 1)}…` : cleaned;
}
