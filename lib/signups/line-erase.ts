import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { SIGNUP_JOB_NAMES } from "@/lib/jobs/queues";
import { removeSignup } from "@/lib/signups/line";
import { signupOfOwnToken } from "@/lib/signups/own-token";

// "Leave this waitlist": the person erases themselves, with a leave token (every email's footer) or their
// status token (the status page). The row is deleted by the keeper (removeSignup, under the waitlist row
// lock), so everyone behind moves up and the counters and block counts stay exact. What goes with the row:
//   - every token of theirs and their email ledger (ON DELETE CASCADE), so no link of theirs works again;
//   - their queued jobs (ids only; a job that slips through finds no row and sends nothing);
//   - who referred them: nothing points from their referrer to them.
// What stays: the credit they gave their referrer (referral_count and score are counts, not links), and the
// place of the people they referred (referred_by_id becomes null; their scores never depended on it).

export type LeaveView = { waitlistTitle: string; slug: string };

/** For the confirm page (GET changes nothing): whose list this is; null for a token that opens nothing. */
export async function describeLeave(token: string): Promise<LeaveView | null> {
  const own = await signupOfOwnToken(token, ["leave", "status"]);
  return own ? { waitlistTitle: own.title, slug: own.slug } : null;
}

/** Erases the token's signup; null when the token opens nothing (never issued, or already erased). */
export async function eraseSignup(token: string): Promise<LeaveView | null> {
  const own = await signupOfOwnToken(token, ["leave", "status"]);
  if (!own) return null;
  // A concurrent erasure (a double click) or an owner's delete got there first: the row is gone either way.
  if (!(await removeSignup(own.waitlistId, own.signupId, { keepCredit: true }))) return null;
  await dropQueuedJobs(own.signupId);
  return { waitlistTitle: own.title, slug: own.slug };
}

/**
 * Jobs about this person that have not started (pg-boss's created and retry states, i.e. state < 'active').
 * Kept rather than left to the send step (which answers "gone" for an erased person, so correctness does not
 * need it): a person who leaves expects nothing of theirs to stay queued, and a retrying job would otherwise
 * wake a worker up to a dozen times. Only the signup queues' partitions are read, through pg-boss's
 * (name, start_after) WHERE state < 'active' index, not the whole job table.
 */
async function dropQueuedJobs(signupId: string): Promise<void> {
  await pool()
    .query(
      `DELETE FROM ${env().JOB_SCHEMA}.job WHERE name = ANY($2::text[]) AND state < 'active' AND data->>'signupId' = $1`,
      [signupId, SIGNUP_JOB_NAMES],
    )
    .catch((error: unknown) => {
      // No queue set up yet on this database: no jobs to drop.
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
    });
}

const UNDEFINED_TABLE = "42P01";
