import "server-only";
import { plans } from "@/lib/billing/plans";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { jobs } from "@/lib/jobs/boss";
import { batchStatement } from "@/lib/signups/line-join-sql";
import { positionOf } from "@/lib/signups/position";

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
async function appendBatch(waitlistId: string, batch: readonly JoinInput[]): Promise<(JoinResult | Promise<JoinResult>)[]> {
  const caps = plans(env().FREE_SIGNUP_CAP);
  const column = (pick: (i: JoinInput) => string | null) => batch.map(pick);
  await jobs(); // the job queue's schema and queues, ensured once per process
  const { rows } = await pool().query<BatchRow>({ ...batchStatement(), values: [
    waitlistId,
    column((i) => i.email), column((i) => i.name), column((i) => i.company), column((i) => i.twitter),
    column((i) => i.refCode), column((i) => i.statusTokenHash), column((i) => i.referrerCode),
    caps.FREE.signupCap, caps.PRO.signupCap,
    column((i) => i.answers ?? null), column((i) => i.metadata ?? null), column((i) => i.attribution ?? null),
    column((i) => i.externalId ?? null), column((i) => i.ipHash ?? null), column((i) => i.ipNet ?? null),
  ] });
  // Plain values where the statement gave the answer (nearly always): a promise each is work on the hot path.
  return rows.map((row): JoinResult | Promise<JoinResult> => {
    if (row.outcome !== "joined") return { outcome: row.outcome };
    const joined = (position: number): JoinResult => ({ outcome: "joined", id: row.id!, position, pending: row.pending === true });
    return row.position !== null ? joined(row.position) : positionOf(pool(), waitlistId, row.score!, row.seq!).then(joined);
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
async function appendBatchRacing(waitlistId: string, batch: readonly JoinInput[]): Promise<(JoinResult | Promise<JoinResult>)[]> {
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
