import pg from "pg";
import { readRunInfo } from "../run-info";

// The e2e server's job queue (pg-boss in its default "pgboss" schema), read and nudged from the spec.

let pool: pg.Pool | undefined;

function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL ?? readRunInfo().databaseUrl, max: 2 });
  return pool;
}

export async function closeJobQueue(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

/**
 * Lets the welcome job of `email`'s signup give up at its next failure and makes it due now, as a small
 * JOB_RETRY_LIMIT would (the server's own is 10 retries over about half a day).
 */
export async function lastAttemptNow(email: string): Promise<void> {
  const { rowCount } = await db().query(
    `UPDATE pgboss.job j SET retry_limit = 0, start_after = now()
       FROM signups s WHERE s.email = $1 AND j.name = 'signup-welcome' AND j.data->>'signupId' = s.id::text
        AND j.state < 'completed'`,
    [email],
  );
  if (rowCount !== 1) throw new Error(`no waiting welcome job for ${email}`);
}

/** The state of the welcome job of `email`'s signup. */
export async function welcomeJobState(email: string): Promise<string | null> {
  const { rows } = await db().query<{ state: string }>(
    `SELECT j.state FROM pgboss.job j JOIN signups s ON j.data->>'signupId' = s.id::text
      WHERE s.email = $1 AND j.name = 'signup-welcome'`,
    [email],
  );
  return rows[0]?.state ?? null;
}
