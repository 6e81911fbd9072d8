import "server-only";
import { createHash } from "node:crypto";
import { env, type Env } from "@/lib/env";
import { jobInsertSql } from "@/lib/jobs/in-statement";
import { blockDeltaCtes, blockSql, scoreSql } from "@/lib/signups/position";
import { velocityHoldArms } from "@/lib/signups/velocity";

// The text of the group commit's one statement (lib/signups/line-join.ts runs it).

// One statement for a batch ($2.. are arrays in arrival order; $9 Free cap, $10 Pro cap, null = no plan cap):
//   lock      the waitlist row (FOR UPDATE) if it is open, with the room its caps leave and its velocity rules
//   b         the batch; firsts: each mailbox's first arrival (canonical_mailbox, the SQL definition), unless
//             that mailbox is already stored: a.lice+x@gmail.com after alice@gmail.com is a duplicate
//   adm       the first `room` of those in arrival order, numbered next_seq+1.. (the rest are full)
//   refd      each one's referrer: someone stored, or someone admitted earlier in this batch (counted into
//             that newcomer's own score as it is inserted); never one of the same mailbox (legacy rows)
//   vel       the velocity rule: the referrer's referees from this IP (or /24) within the window, stored and
//             earlier in the batch; at the threshold the credit is held for the owner's review, not given
//   ins       a plain INSERT: a mailbox stored concurrently after this snapshot is a unique violation, never a gap
//   w         the counters; credit: stored referrers move up by boost × their new credited referrals
//   blk       signup_blocks in step: newcomers at their scores, credited waiting referrers from old to new block
//   job       each newcomer's welcome email (lib/jobs/in-statement.ts): it commits with them or not at all
// With double opt-in on (lock.pending), newcomers are stored PENDING: they take their seq and count in
// signup_count (caps stay exact) but stay out of waiting_count and the blocks, credit nobody yet (their stored
// referrer is kept in referred_by_id and credited, or held, on confirmation, lib/signups/line-confirm.ts),
// cannot be credited (a pending person's code credits nobody, in or out of the batch), and get the
// confirmation job instead of the welcome. Their position is the place they would have if they confirmed now.
// A newcomer nobody in the batch referred is behind everyone waiting before it, so its position is the waiting
// count before plus the newcomers ahead of it; one credited inside the batch is looked up after (rare: the
// code is only known once its owner's batch committed). Scores: lib/signups/position.ts (scoreSql).
const batchSql = () => `
WITH lock AS (
  SELECT id, next_seq, waiting_count, referral_boost, double_opt_in AS pending,
         velocity_per_ip, velocity_per_network, make_interval(mins => velocity_window_minutes) AS velocity_window,
         LEAST(COALESCE(capacity, 2147483647),
               COALESCE(CASE WHEN plan = 'PRO' THEN $10::int ELSE $9::int END, 2147483647)) - signup_count AS room
    FROM waitlists WHERE id = $1 AND is_open
   FOR UPDATE
), b AS (
  SELECT t.email, canonical_mailbox(t.email) AS mailbox, t.name, t.company, t.twitter, t.ref_code, t.token_hash,
         t.referrer_code, t.answers::jsonb AS answers, t.metadata::jsonb AS metadata,
         t.attribution::jsonb AS attribution, t.external_id, t.ip_hash, t.ip_net, t.ord::int AS ord
    FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
         WITH ORDINALITY AS t(email, name, company, twitter, ref_code, token_hash, referrer_code,
                              answers, metadata, attribution, external_id, ip_hash, ip_net, ord)
), firsts AS (
  SELECT DISTINCT ON (b.mailbox) b.* FROM b
   WHERE NOT EXISTS (SELECT 1 FROM signups s WHERE s.waitlist_id = $1 AND s.mailbox = b.mailbox AND NOT s.mailbox_shared)
   ORDER BY b.mailbox, b.ord
), numbered AS (
  SELECT f.*, row_number() OVER (ORDER BY f.ord)::int AS n, gen_random_uuid() AS id FROM firsts f
), adm AS (
  SELECT numbered.*, lock.next_seq + numbered.n AS seq, lock.pending FROM numbered, lock WHERE numbered.n <= lock.room
), refd AS (
  SELECT a.*,
         (SELECT r.id FROM signups r
           WHERE r.waitlist_id = $1 AND r.ref_code = a.referrer_code AND r.status <> 'PENDING'
             AND r.mailbox <> a.mailbox) AS stored_referrer,
         (SELECT e.id FROM adm e WHERE e.ref_code = a.referrer_code AND e.ord < a.ord AND NOT e.pending) AS batch_referrer
    FROM adm a
), vel AS (
  SELECT r.*, COALESCE(r.stored_referrer, r.batch_referrer) AS referrer_id,
         CASE WHEN r.pending OR COALESCE(r.stored_referrer, r.batch_referrer) IS NULL THEN NULL
              ${velocityHoldArms({
                me: "r",
                referrer: "r.stored_referrer",
                perIp: "lock.velocity_per_ip",
                perNetwork: "lock.velocity_per_network",
                window: "lock.velocity_window",
                alsoCounted: (column) => `(SELECT COUNT(*) FROM refd y
                     WHERE y.ord < r.ord AND y.referrer_code = r.referrer_code AND y.${column} = r.${column}
                       AND COALESCE(y.stored_referrer, y.batch_referrer) IS NOT NULL)`,
              })}
         END AS hold
    FROM refd r, lock
), joined AS (
  SELECT v.*, (SELECT COUNT(*) FROM vel x WHERE x.batch_referrer = v.id AND x.hold IS NULL)::int AS credits FROM vel v
), scored AS (
  SELECT j.*, ${scoreSql("j.seq", "j.credits", "lock.referral_boost")} AS score FROM joined j, lock
), ins AS (
  INSERT INTO signups (id, waitlist_id, email, name, company, twitter, ref_code, seq, score, referral_count,
                       status_token_hash, referred_by_id, status, answers, metadata, attribution, external_id,
                       referral_credit, hold_reason, ip_hash, ip_net)
  SELECT r.id, $1, r.email, r.name, r.company, r.twitter, r.ref_code, r.seq, r.score, r.credits, r.token_hash,
         r.referrer_id, (CASE WHEN r.pending THEN 'PENDING' ELSE 'WAITING' END)::"SignupStatus",
         r.answers, r.metadata, r.attribution, r.external_id,
         CASE WHEN r.referrer_id IS NULL OR r.pending THEN NULL WHEN r.hold IS NOT NULL THEN 'held' ELSE 'credited' END,
         r.hold, r.ip_hash, r.ip_net
    FROM scored r
  RETURNING id, seq, score, status
), w AS (
  UPDATE waitlists SET next_seq = next_seq + c.n, waiting_count = waiting_count + c.waiting, signup_count = signup_count + c.n
    FROM (SELECT COUNT(*)::int AS n, (COUNT(*) FILTER (WHERE status = 'WAITING'))::int AS waiting FROM ins) c
   WHERE waitlists.id = $1 AND c.n > 0
  RETURNING waitlists.id
), credit AS (
  UPDATE signups r SET referral_count = r.referral_count + c.n,
         score = ${scoreSql("r.seq", "r.referral_count + c.n", "lock.referral_boost")}
    FROM (SELECT stored_referrer AS id, COUNT(*)::int AS n FROM joined
           WHERE stored_referrer IS NOT NULL AND NOT pending AND hold IS NULL GROUP BY 1) c, lock
   WHERE r.id = c.id
  -- The old score from the updated row itself: this statement's snapshot predates its lock, so a second copy
  -- of the row could be older than the version the UPDATE re-read (a confirmation or another batch in between).
  RETURNING r.score AS new_score, ${scoreSql("r.seq", "r.referral_count - c.n", "lock.referral_boost")} AS old_score, r.status
), ${blockDeltaCtes(`SELECT ${blockSql("ins.score")} AS block, 1 AS delta FROM ins WHERE ins.status = 'WAITING'`, "$1")}, job AS (
  ${jobInsertSql("signup-welcome", "(SELECT id FROM ins WHERE status = 'WAITING') welcomed", "jsonb_build_object('signupId', welcomed.id)", "'welcome:' || welcomed.id")}
), confirm_job AS (
  ${jobInsertSql("signup-confirm", "(SELECT id FROM ins WHERE status = 'PENDING') confirming", "jsonb_build_object('signupId', confirming.id)", "'confirm:' || confirming.id")}
)
SELECT b.ord,
       CASE WHEN NOT EXISTS (SELECT 1 FROM lock) THEN 'refused'
            WHEN r.id IS NOT NULL THEN 'joined'
            WHEN NOT EXISTS (SELECT 1 FROM firsts f WHERE f.ord = b.ord)
             AND (NOT EXISTS (SELECT 1 FROM firsts f WHERE f.mailbox = b.mailbox)
                  OR EXISTS (SELECT 1 FROM adm a WHERE a.mailbox = b.mailbox)) THEN 'duplicate'
            ELSE 'full' END AS outcome,
       r.id, r.seq, r.score, r.credits, r.pending,
       CASE WHEN r.credits = 0 THEN (SELECT waiting_count FROM lock) + 1
         + (SELECT COUNT(*) FROM scored x WHERE NOT x.pending AND (x.score, x.seq) < (r.score, r.seq))
       END::int AS position
  FROM b LEFT JOIN scored r ON r.ord = b.ord
 ORDER BY b.ord
`;

// A named (prepared) statement: parsed and planned once per connection instead of for every batch, which cost
// PostgreSQL more than half of its CPU per signup when batches are small (1.32 → 0.59 ms a signup with 4 callers,
// docs/capacity.md). Its text depends on the job settings, so the name carries the text's hash (a connection
// may hold both when tests switch settings).
let statement: { env: Env; name: string; text: string } | null = null;

export function batchStatement(): { name: string; text: string } {
  const e = env();
  if (statement?.env !== e) {
    const text = batchSql();
    statement = { env: e, text, name: `wf-join-batch-${createHash("sha256").update(text).digest("hex").slice(0, 16)}` };
  }
  return statement;
}
