import "server-only";
import { pool, withTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { notifyEndpointDisabled } from "@/lib/webhooks/disabled-email";
import { pruneWebhookEvents } from "@/lib/webhooks/retention";
import { open } from "@/lib/webhooks/secret-box";
import { postSigned, type AttemptResult } from "@/lib/webhooks/send";
import { messageBody, signedHeaders } from "@/lib/webhooks/sign";
import type { Resolver } from "@/lib/webhooks/url-guard";

// The dispatcher: takes due deliveries (pending, next_attempt_at passed, no live lease) with SKIP LOCKED, so any
// number of workers share them and none sends one attempt twice, and records every attempt. A failure is
// retried with exponential backoff (WEBHOOK_RETRY_BASE_SECONDS doubling, at most an hour apart) until
// WEBHOOK_RETRY_HOURS after the delivery was queued (or resent), then it is failed. An endpoint whose attempts
// have all failed for three days is disabled and its owner told by email.

export const DISABLE_AFTER_MS = 3 * 24 * 3600 * 1000;
const MAX_DELAY_SECONDS = 3600;
const LEASE_SECONDS = 60;
const BATCH = 10;
const PRUNE_EVERY_MS = 3600_000;

export type DispatchOptions = {
  /** The clock (tests move it forward to reach retries and the three-day rule without waiting). */
  now?: () => Date;
  resolve?: Resolver;
  allowPrivate?: boolean;
  /** Only these waitlists' deliveries (tests sharing one database each drive their own). */
  waitlistIds?: string[];
};

type Due = {
  id: string;
  attempts: number;
  retry_since: Date;
  type: string;
  data: unknown;
  event_at: Date;
  endpoint_id: string;
  url: string;
  enabled: boolean;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | null;
};

/** One pass: claims up to BATCH due deliveries and attempts them side by side. Answers how many it attempted. */
export async function dispatchDue(options: DispatchOptions = {}): Promise<number> {
  const now = options.now?.() ?? new Date();
  const { rows } = await pool().query<Due>(
    `WITH claimed AS (
       UPDATE webhook_deliveries d SET locked_until = $1::timestamptz + make_interval(secs => $3)
        WHERE d.id IN (SELECT id FROM webhook_deliveries
                        WHERE status = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
                          AND ($4::text[] IS NULL OR waitlist_id = ANY($4::text[]))
                        ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.attempts, d.retry_since, d.event_id, d.endpoint_id)
     SELECT c.id, c.attempts, c.retry_since, ev.type, ev.data, ev.created_at AS event_at, c.endpoint_id,
            e.url, e.enabled, e.secret_enc, e.previous_secret_enc, e.previous_secret_expires_at
       FROM claimed c JOIN webhook_events ev ON ev.id = c.event_id JOIN webhook_endpoints e ON e.id = c.endpoint_id`,
    [now, BATCH, LEASE_SECONDS, options.waitlistIds ?? null],
  );
  await Promise.all(rows.map((row) => attempt(row, now, options).catch((e: unknown) => logger.error("webhook attempt failed to record", e))));
  return rows.length;
}

async function attempt(row: Due, now: Date, options: DispatchOptions): Promise<void> {
  if (!row.enabled) {
    await pool().query(
      `UPDATE webhook_deliveries SET status = 'failed', completed_at = $2, locked_until = NULL,
              last_error = 'The endpoint is disabled.' WHERE id = $1`,
      [row.id, now],
    );
    return;
  }
  let secrets: string[];
  try {
    secrets = [open(row.secret_enc)];
    if (row.previous_secret_enc && row.previous_secret_expires_at && row.previous_secret_expires_at > now) {
      secrets.push(open(row.previous_secret_enc));
    }
  } catch {
    // Sealed under another AUTH_SECRET: nothing can be signed; recorded as a failed attempt, so it shows and retries.
    const error = "The signing secret cannot be read (was AUTH_SECRET changed?): rotate it.";
    await record(row, now, { ok: false, statusCode: null, latencyMs: 0, excerpt: null, error });
    return;
  }
  const body = messageBody({ type: row.type, timestamp: row.event_at.toISOString(), data: row.data });
  const headers = signedHeaders(`msg_${row.id}`, now, body, secrets);
  const result = await postSigned(row.url, body, headers, { resolve: options.resolve, allowPrivate: options.allowPrivate });
  const disabled = await record(row, now, result);
  if (disabled) await notifyEndpointDisabled(disabled).catch((e: unknown) => logger.error("webhook disabled email failed", e));
}

/** The n-th retry's delay in seconds. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(env().WEBHOOK_RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_SECONDS);
}

type Disabled = { endpointId: string; url: string; ownerEmails: string[] | null; waitlistTitle: string; waitlistId: string; reason: string; disabledAt: Date };

async function record(row: Due, now: Date, r: AttemptResult): Promise<Disabled | null> {
  const attempts = row.attempts + 1;
  const giveUp = now.getTime() >= row.retry_since.getTime() + env().WEBHOOK_RETRY_HOURS * 3600_000;
  const next = new Date(now.getTime() + retryDelaySeconds(attempts) * 1000);
  const status = r.ok ? "succeeded" : giveUp ? "failed" : "pending";
  return withTransaction(async (client) => {
    await client.query(
      `INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, now, r.statusCode, r.latencyMs, r.excerpt, r.error],
    );
    await client.query(
      `UPDATE webhook_deliveries SET status = $2, attempts = $3, locked_until = NULL, last_status_code = $4,
              last_error = $5, next_attempt_at = CASE WHEN $2 = 'pending' THEN $6::timestamptz ELSE next_attempt_at END,
              completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE $7::timestamptz END
        WHERE id = $1`,
      [row.id, status, attempts, r.statusCode, r.error, next, now],
    );
    if (r.ok) {
      await client.query(`UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [row.endpoint_id]);
      return null;
    }
    const reason = `Every delivery failed for 3 days (last: ${r.error ?? "no answer"}).`;
    const { rows } = await client.query<Omit<Disabled, "reason" | "url" | "disabledAt">>(
      `WITH e AS (
         UPDATE webhook_endpoints e SET failing_since = COALESCE(e.failing_since, $2),
                enabled = e.enabled AND COALESCE(e.failing_since, $2) > $3,
                disabled_at = CASE WHEN e.enabled AND COALESCE(e.failing_since, $2) <= $3 THEN $2 ELSE e.disabled_at END,
                disabled_reason = CASE WHEN e.enabled AND COALESCE(e.failing_since, $2) <= $3 THEN $4 ELSE e.disabled_reason END
           FROM webhook_endpoints old
          WHERE e.id = $1 AND old.id = e.id
          RETURNING e.id, e.waitlist_id, e.enabled, old.enabled AS was_enabled)
       SELECT e.id AS "endpointId", w.id AS "waitlistId", w.title AS "waitlistTitle", (SELECT array_agg(u.email ORDER BY m.created_at) FROM team_members m JOIN users u ON u.id = m.user_id
                 WHERE m.team_id = w.team_id AND m.role IN ('owner', 'admin')) AS "ownerEmails"
         FROM e JOIN waitlists w ON w.id = e.waitlist_id
        WHERE e.was_enabled AND NOT e.enabled`,
      [row.endpoint_id, now, new Date(now.getTime() - DISABLE_AFTER_MS), reason],
    );
    const d = rows[0];
    return d ? { ...d, url: row.url, reason, disabledAt: now } : null;
  });
}

/** The worker's loop: a pass every WEBHOOK_DISPATCH_SECONDS (at once again while passes find full batches). */
export function startWebhookDispatcher(): { stop: () => Promise<void> } {
  if (env().WEBHOOK_DISPATCH_SECONDS === 0) return { stop: async () => undefined };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let prunedAt = 0;
  const tick = () => {
    running = (async () => {
      let n = BATCH;
      while (!stopped && n === BATCH) n = await dispatchDue().catch((e: unknown) => (logger.warn("webhook dispatch failed", e), 0));
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await pruneWebhookEvents().catch((e: unknown) => logger.warn("webhook event pruning failed", e));
      }
    })().finally(() => {
      if (!stopped) timer = setTimeout(tick, env().WEBHOOK_DISPATCH_SECONDS * 1000);
    });
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
