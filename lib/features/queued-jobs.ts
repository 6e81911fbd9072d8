import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { quoteIdent } from "@/lib/jobs/ident";
import { SIGNUP_JOB_NAMES } from "@/lib/jobs/queues";

// A member who leaves expects nothing of theirs to stay queued: the same clean-up as "Leave this waitlist"
// (dropQueuedJobs in lib/signups/line-erase.ts, which is private to the keeper's file; TODO(lead): export that
// one and delete this copy). Jobs not started yet (state < 'active') through pg-boss's own index; the send step
// would find no row anyway, so this is tidiness, not correctness.

const UNDEFINED_TABLE = "42P01";

export async function dropQueuedSignupJobs(signupId: string): Promise<void> {
  await pool()
    .query(
      `DELETE FROM ${quoteIdent(env().JOB_SCHEMA)}.job WHERE name = ANY($2::text[]) AND state < 'active' AND data->>'signupId' = $1`,
      [signupId, SIGNUP_JOB_NAMES],
    )
    .catch((error: unknown) => {
      // No queue set up yet on this database: no jobs to drop.
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
    });
}
