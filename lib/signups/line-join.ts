import "server-only";
import { plans } from "@/lib/billing/plans";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { jobs } from "@/lib/jobs/boss";
import { jobInsertSql } from "@/lib/jobs/in-statement";
import { blockSql, positionOf, scoreSql } from "@/lib/signups/position";
import { velocityHoldArms } from "@/lib/signups/velocity";

// The line's keeper for signups (lib/signups/line.ts re-exports it), by group commit: the signups for one
// waitlist that arrive together in this process are appended by ONE statement, which takes the waitlist row
// lock once, inserts them, credits their referrers, moves the counters and block counts, and answers each. One
// list's rate is then bounded by statements per second times their size, not by one lock hold per signup.
//
// A batch starts WINDOW_MS after the first arrival on an idle list, or at once when MAX_BATCH are waiting;
// while it runs, later arrivals gather and go as the next batch the moment it finishes (one batch in flight per
// list per process). A failed statement fails every caller of that batch and stores nothing (it is one
// statement). When a concurrent batch in another process stored one of the emails after this statement's
// snapshot, the batch runs once more at once (appendBatchRacing); a unique violation that remains (a random code
// collided, or a second race) reaches every caller as such, and createSignup retries with new codes, in a later
// batch with a fresh snapshot.

const WINDOW_MS = 2;
const MAX_BATCH = 256;
const UNIQUE_VIOLATION = "23505";

export type JoinInput = {
  waitlistId: string;
  email: string;
  name: string | null;
  company: string | null;
  twitter: string | null;
  refCode: string;
  statusTokenHash: string;
  /** The referrer's code as given (already shape-checked); null for none. */
  referrerCode: string | null;
  /** JSON text of the validated custom-field answers, metadata and attribution; null for none. */
  answers?: string | null;
  metadata?: string | null;
  attribution?: string | null;
  /** A product's own user id (feature waitlists); unique per waitlist. */
  externalId?: string | null;
  /** The signup's network for the velocity rule (lib/signups/ip-network.ts); null when not from a request. */
  ipHash?: string | null;
  ipNet?: string | null;
};

/**
 * joined: appended (position at commit); duplicate: the email is on the list (stored before, or earlier in the
 * same batch); full: the caps left no room for this one; refused: no such waitlist, or it is closed.
 */
export type JoinResult =
  | {
      outcome: "joined";
      id: string;
      position: number;
      /** Double opt-in: stored PENDING, not in line until confirmed (lib/signups/line-confirm.ts). */
      pending: boolean;
    }
  | { outcome: "duplicate" }
  | { outcome: "full" }
  | { outcome: "refused" };

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
), deltas AS (
  SELECT block, SUM(delta)::int AS delta FROM (
    SELECT ${blockSql("ins.score")} AS block, 1 AS delta FROM ins WHERE ins.status = 'WAITING'
    UNION ALL SELECT ${blockSql("old_score")}, -1 FROM credit WHERE status = 'WAITING'
    UNION ALL SELECT ${blockSql("new_score")}, 1 FROM credit WHERE status = 'WAITING'
  ) d GROUP BY block
), blk AS (
  INSERT INTO signup_blocks (waitlist_id, block, waiting)
  SELECT $1, block, delta FROM deltas WHERE delta <> 0
  ON CONFLICT (waitlist_id, block) DO UPDATE SET waiting = signup_blocks.waiting + EXCLUDED.waiting
), job AS (
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

type BatchRow = {
  ord: number;
  outcome: JoinResult["outcome"];
  id: string | null;
  seq: number | null;
  score: number | null;
  pending: boolean | null;
  position: number | null;
};

/** One answer per person, in order; a newcomer credited inside the batch gets its position looked up alone. */
async function appendBatch(waitlistId: string, batch: readonly JoinInput[]): Promise<Promise<JoinResult>[]> {
  const caps = plans(env().FREE_SIGNUP_CAP);
  const column = (pick: (i: JoinInput) => string | null) => batch.map(pick);
  await jobs(); // the job queue's schema and queues, ensured once per process
  const { rows } = await pool().query<BatchRow>(batchSql(), [
    waitlistId,
    column((i) => i.email), column((i) => i.name), column((i) => i.company), column((i) => i.twitter),
    column((i) => i.refCode), column((i) => i.statusTokenHash), column((i) => i.referrerCode),
    caps.FREE.signupCap, caps.PRO.signupCap,
    column((i) => i.answers ?? null), column((i) => i.metadata ?? null), column((i) => i.attribution ?? null),
    column((i) => i.externalId ?? null), column((i) => i.ipHash ?? null), column((i) => i.ipNet ?? null),
  ]);
  return rows.map(async (row): Promise<JoinResult> => {
    if (row.outcome !== "joined") return { outcome: row.outcome };
    const position = row.position ?? (await positionOf(pool(), waitlistId, row.score!, row.seq!));
    return { outcome: "joined", id: row.id!, position, pending: row.pending === true };
  });
}

/** A mailbox (or an exact address) stored by a concurrent batch after this statement's snapshot. */
const EMAIL_TAKEN = new Set(["signups_waitlist_id_email_key", "signups_waitlist_id_mailbox_key"]);

/**
 * appendBatch, once more when another process stored one of the batch's emails after this statement's snapshot
 * (cross-instance double submits): the whole statement rolled back, and run again with a fresh snapshot the raced
 * email is a duplicate answer, so the batch's other members do not each spend one of createSignup's attempts.
 * A second race, or a collided code, still rejects the batch (createSignup retries with new codes).
 */
async function appendBatchRacing(waitlistId: string, batch: readonly JoinInput[]): Promise<Promise<JoinResult>[]> {
  try {
    return await appendBatch(waitlistId, batch);
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    if (e.code !== UNIQUE_VIOLATION || !EMAIL_TAKEN.has(e.constraint ?? "")) throw error;
    return appendBatch(waitlistId, batch);
  }
}

type Pending = { input: JoinInput; resolve: (r: JoinResult | Promise<JoinResult>) => void; reject: (e: unknown) => void };
type Queue = { waiting: Pending[]; running: boolean; timer: NodeJS.Timeout | null };
const queues = new Map<string, Queue>();

/**
 * Appends one person to the back of the line with whoever else arrives on this list at the same moment,
 * crediting their referrer. Rejects, as every caller of its batch, when the batch's statement failed
 * (nothing of it stored); a unique violation means a code collided or the email raced in from elsewhere.
 */
export function joinLine(input: JoinInput): Promise<JoinResult> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(input.waitlistId);
    if (!queue) queues.set(input.waitlistId, (queue = { waiting: [], running: false, timer: null }));
    queue.waiting.push({ input, resolve, reject });
    if (queue.running) return;
    if (queue.waiting.length >= MAX_BATCH) void flush(input.waitlistId);
    else queue.timer ??= setTimeout(() => void flush(input.waitlistId), WINDOW_MS);
  });
}

async function flush(waitlistId: string): Promise<void> {
  const queue = queues.get(waitlistId);
  if (!queue || queue.running) return;
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = null;
  const batch = queue.waiting.splice(0, MAX_BATCH);
  if (batch.length === 0) {
    queues.delete(waitlistId);
    return;
  }
  queue.running = true;
  try {
    const results = await appendBatchRacing(waitlistId, batch.map((p) => p.input));
    batch.forEach((p, i) => p.resolve(results[i]!));
  } catch (error) {
    for (const p of batch) p.reject(error);
  } finally {
    queue.running = false;
    // Whoever arrived meanwhile has waited one statement already: no window for them.
    void flush(waitlistId);
  }
}
