import "server-only";
import { isIsoInstant, isUuid } from "@/lib/api/cursor-values";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DeliveryStatus } from "@/lib/webhooks/schemas";

// The delivery log of a waitlist (newest first, keyset pages) with each delivery's attempts, and replay: a
// resend puts a delivery back in line as pending with a fresh retry window. It keeps its webhook-id, so a
// receiver that already processed it can tell (Standard Webhooks: the id is the idempotency key).

export type AttemptView = {
  attempted_at: string;
  status_code: number | null;
  latency_ms: number;
  response_excerpt: string | null;
  error: string | null;
};

export type DeliveryView = {
  id: string;
  endpoint_id: string;
  endpoint_url: string;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  attempt_log: AttemptView[];
};

const ATTEMPTS_SHOWN = 10;
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!isIsoInstant(createdAt) || !isUuid(id)) {
    throw new AppError("invalid_input", "Not a cursor from a previous page.", "cursor");
  }
  return { createdAt, id };
}

export async function listDeliveries(
  teamId: string,
  waitlistId: string,
  query: { endpointId?: string; status?: DeliveryStatus; limit: number; cursor?: string },
): Promise<{ deliveries: DeliveryView[]; next_cursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const { rows } = await pool().query<DeliveryView & { created_raw: string }>(
    `SELECT d.id, d.endpoint_id, e.url AS endpoint_url, ev.type AS event_type, d.status, d.attempts,
            CASE WHEN d.status = 'pending' THEN ${iso("d.next_attempt_at")} END AS next_attempt_at,
            d.last_status_code, d.last_error, ${iso("d.created_at")} AS created_at, d.created_at::text AS created_raw,
            COALESCE((SELECT jsonb_agg(a ORDER BY a.attempted_at DESC) FROM (
               SELECT ${iso("x.attempted_at")} AS attempted_at, x.status_code, x.latency_ms, x.response_excerpt, x.error
                 FROM webhook_attempts x WHERE x.delivery_id = d.id ORDER BY x.attempted_at DESC LIMIT ${ATTEMPTS_SHOWN}) a), '[]') AS attempt_log
       FROM webhook_deliveries d
       JOIN webhook_endpoints e ON e.id = d.endpoint_id
       JOIN webhook_events ev ON ev.id = d.event_id
      WHERE d.waitlist_id = $1 AND EXISTS (SELECT 1 FROM waitlists w WHERE w.id = d.waitlist_id AND w.team_id = $2)
        AND ($3::text IS NULL OR d.endpoint_id = $3) AND ($4::text IS NULL OR d.status = $4)
        AND ($5::timestamptz IS NULL OR (d.created_at, d.id) < ($5::timestamptz, $6::uuid))
      ORDER BY d.created_at DESC, d.id DESC
      LIMIT $7`,
    [waitlistId, teamId, query.endpointId ?? null, query.status ?? null, after?.createdAt ?? null, after?.id ?? null, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(({ created_raw: _, ...d }) => d),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.created_raw, last.id) : null,
  };
}

const REQUEUE = `status = 'pending', next_attempt_at = now(), retry_since = now(), locked_until = NULL, completed_at = NULL`;

/** Resends one delivery (any state but one being sent right now); 409 while its endpoint is disabled. */
export async function resendDelivery(teamId: string, waitlistId: string, deliveryId: string): Promise<void> {
  if (!isUuid(deliveryId)) throw new AppError("not_found", "There is no such delivery on this waitlist.");
  const { rows } = await pool().query<{ enabled: boolean; requeued: boolean }>(
    `WITH d AS (SELECT d.id, e.enabled FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                  JOIN waitlists w ON w.id = d.waitlist_id
                 WHERE d.id = $3 AND d.waitlist_id = $1 AND w.team_id = $2),
          u AS (UPDATE webhook_deliveries x SET ${REQUEUE} FROM d
                 WHERE x.id = d.id AND d.enabled AND (x.locked_until IS NULL OR x.locked_until <= now()) RETURNING x.id)
     SELECT d.enabled, EXISTS (SELECT 1 FROM u) AS requeued FROM d`,
    [waitlistId, teamId, deliveryId],
  );
  const row = rows[0];
  if (!row) throw new AppError("not_found", "There is no such delivery on this waitlist.");
  if (!row.enabled) throw new AppError("conflict", "This delivery's endpoint is disabled: enable it first.");
  // A worker holds it (an attempt in flight): requeueing now would send it twice and garble its record.
  if (!row.requeued) throw new AppError("conflict", "This delivery is being sent right now; try again in a few seconds.");
}

/** Resends every failed delivery of the list's enabled endpoints queued since `since`; answers how many. */
export async function resendFailedSince(teamId: string, waitlistId: string, since: Date): Promise<number> {
  const { rowCount } = await pool().query(
    `UPDATE webhook_deliveries d SET ${REQUEUE}
       FROM webhook_endpoints e
      WHERE e.id = d.endpoint_id AND e.enabled AND d.waitlist_id = $1 AND d.status = 'failed' AND d.created_at >= $3
        AND EXISTS (SELECT 1 FROM waitlists w WHERE w.id = d.waitlist_id AND w.team_id = $2)`,
    [waitlistId, teamId, since],
  );
  return rowCount ?? 0;
}
