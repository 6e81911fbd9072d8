import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { jobs } from "@/lib/jobs/boss";
import { enqueue } from "@/lib/jobs/enqueue";
import { jobInsertSql } from "@/lib/jobs/in-statement";

// The digest sweep (queue "digest-sweep"): every DIGEST_SWEEP_SECONDS it finds the people on digest-enabled
// lists who gained referrals since their last digest and got none in the last 24 hours, and queues one
// "signup-digest" job each (key digest:<signupId>:<UTC day>). The signup path does no digest work: it moves
// referral_count as always, and signups_digest_due_idx holds exactly the rows where that count is ahead of
// the last digest's, so a sweep reads those rows, never a whole list.
//
// Set-based: one statement per SWEEP_BATCH people, walking each list by id. A person whose job is already
// waiting is skipped by the queue's unique key (ON CONFLICT DO NOTHING), so sweeps running at once, or a
// sweep while yesterday's jobs still retry, queue nothing twice; the job's own claim (send-digest.ts) keeps
// the email to one a day whatever was queued.

const SWEEP_BATCH = 1000;
const FIRST_ID = "00000000-0000-0000-0000-000000000000";

const sweepSql = () => `
WITH due AS (
  SELECT s.id, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
    FROM signups s
   WHERE s.waitlist_id = $1 AND s.id > $2::uuid
     AND s.referral_count > s.digest_referral_count AND s.status = 'WAITING'
     AND s.unsubscribed_at IS NULL
     AND (s.digest_sent_at IS NULL OR s.digest_sent_at <= now() - interval '24 hours')
   ORDER BY s.id
   LIMIT $3
), job AS (
  ${jobInsertSql("signup-digest", "due", "jsonb_build_object('signupId', due.id, 'day', due.day)", "'digest:' || due.id || ':' || due.day")}
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT (SELECT COUNT(*) FROM due)::int AS seen, (SELECT COUNT(*) FROM job)::int AS queued,
       (SELECT id::text FROM due ORDER BY id DESC LIMIT 1) AS last`;

/** Queues the digests due now; answers how many jobs it queued. */
export async function sweepDigests(): Promise<number> {
  await jobs(); // the queues exist before the statement inserts into them
  const { rows: lists } = await pool().query<{ id: string }>(`SELECT id FROM waitlists WHERE referral_digest`);
  let queued = 0;
  for (const { id } of lists) {
    for (let after = FIRST_ID; ; ) {
      const { rows } = await pool().query<{ seen: number; queued: number; last: string | null }>(sweepSql(), [id, after, SWEEP_BATCH]);
      const batch = rows[0]!;
      queued += batch.queued;
      if (batch.seen < SWEEP_BATCH || !batch.last) break;
      after = batch.last;
    }
  }
  return queued;
}

/** The sweep job: queues its own next run first (so a failing sweep does not end the chain), then sweeps. */
export async function runDigestSweep(): Promise<{ queued: number }> {
  const seconds = env().DIGEST_SWEEP_SECONDS;
  if (seconds > 0) await enqueue("digest-sweep", {}, { startAfterSeconds: seconds });
  return { queued: await sweepDigests() };
}

/**
 * Starts the chain when a worker starts: a sweep now, unless one is already waiting (its singleton key drops
 * this one), so any number of workers keep exactly one sweep scheduled.
 */
export async function startDigestSweeps(): Promise<void> {
  if (env().DIGEST_SWEEP_SECONDS > 0) await enqueue("digest-sweep", {});
}
