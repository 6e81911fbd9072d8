import "server-only";
import { pool, withTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  MAX_ENDPOINTS_PER_WAITLIST,
  TEST_EVENT,
  type EndpointCreate,
  type EndpointPatch,
} from "@/lib/webhooks/schemas";
import { newSigningSecret, seal } from "@/lib/webhooks/secret-box";
import { checkWebhookUrl, type GuardOptions } from "@/lib/webhooks/url-guard";

// Owner-side endpoints of one waitlist. Every query names the waitlist AND its owner, so another owner's ids
// are simply not found. The secret is answered only by create and rotate; nothing else ever reads it back.

export const ROTATION_OVERLAP_HOURS = 24;

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
};

const COLUMNS = `e.id, e.url, e.description, e.events, e.enabled, e.disabled_reason,
  to_char(e.disabled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS disabled_at,
  CASE WHEN e.previous_secret_expires_at > now()
       THEN to_char(e.previous_secret_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END AS previous_secret_expires_at,
  to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`;
const OWNED = `e.waitlist_id = $1 AND EXISTS (SELECT 1 FROM waitlists w WHERE w.id = e.waitlist_id AND w.team_id = $2)`;

export async function listEndpoints(teamId: string, waitlistId: string): Promise<WebhookEndpointView[]> {
  const { rows } = await pool().query<WebhookEndpointView>(
    `SELECT ${COLUMNS} FROM webhook_endpoints e WHERE ${OWNED} ORDER BY e.created_at, e.id`,
    [waitlistId, teamId],
  );
  return rows;
}

export async function getEndpoint(teamId: string, waitlistId: string, endpointId: string): Promise<WebhookEndpointView> {
  const { rows } = await pool().query<WebhookEndpointView>(
    `SELECT ${COLUMNS} FROM webhook_endpoints e WHERE ${OWNED} AND e.id = $3`,
    [waitlistId, teamId, endpointId],
  );
  return rows[0] ?? notFound();
}

function notFound(): never {
  throw new AppError("not_found", "There is no such webhook endpoint on this waitlist.");
}

export async function createEndpoint(
  teamId: string,
  waitlistId: string,
  input: EndpointCreate,
  guard: GuardOptions = {},
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const url = await checkWebhookUrl(input.url, guard);
  const secret = newSigningSecret();
  const id = await withTransaction(async (client) => {
    // The waitlist row lock makes the count and the insert one decision.
    const { rows } = await client.query<{ n: number }>(
      `SELECT (SELECT COUNT(*) FROM webhook_endpoints WHERE waitlist_id = w.id)::int AS n
         FROM waitlists w WHERE w.id = $1 AND w.team_id = $2 FOR UPDATE`,
      [waitlistId, teamId],
    );
    const n = rows[0]?.n ?? notFound();
    if (n >= MAX_ENDPOINTS_PER_WAITLIST) {
      throw new AppError("conflict", `A waitlist can have at most ${MAX_ENDPOINTS_PER_WAITLIST} webhook endpoints.`);
    }
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO webhook_endpoints (waitlist_id, url, description, events, enabled, secret_enc)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [waitlistId, url, input.description, input.events, input.enabled, seal(secret)],
    );
    return inserted.rows[0]!.id;
  });
  return { endpoint: await getEndpoint(teamId, waitlistId, id), secret };
}

export async function updateEndpoint(
  teamId: string,
  waitlistId: string,
  endpointId: string,
  patch: EndpointPatch,
  guard: GuardOptions = {},
): Promise<WebhookEndpointView> {
  const url = patch.url === undefined ? null : await checkWebhookUrl(patch.url, guard);
  // Enabling again clears the disabled note and the failure streak: the owner says the receiver is fixed.
  const { rowCount } = await pool().query(
    `UPDATE webhook_endpoints e SET url = COALESCE($4, e.url), description = COALESCE($5, e.description),
            events = COALESCE($6, e.events), enabled = COALESCE($7, e.enabled),
            disabled_reason = CASE WHEN $7 THEN NULL ELSE e.disabled_reason END,
            disabled_at = CASE WHEN $7 THEN NULL ELSE e.disabled_at END,
            failing_since = CASE WHEN $7 AND NOT e.enabled THEN NULL ELSE e.failing_since END,
            updated_at = now()
      WHERE ${OWNED} AND e.id = $3`,
    [waitlistId, teamId, endpointId, url, patch.description ?? null, patch.events ?? null, patch.enabled ?? null],
  );
  if (!rowCount) notFound();
  return getEndpoint(teamId, waitlistId, endpointId);
}

export async function deleteEndpoint(teamId: string, waitlistId: string, endpointId: string): Promise<void> {
  const { rowCount } = await pool().query(`DELETE FROM webhook_endpoints e WHERE ${OWNED} AND e.id = $3`, [waitlistId, teamId, endpointId]);
  if (!rowCount) notFound();
}

/** A new secret; the current one keeps signing (as a second signature) for ROTATION_OVERLAP_HOURS. */
export async function rotateSecret(
  teamId: string,
  waitlistId: string,
  endpointId: string,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const secret = newSigningSecret();
  const { rowCount } = await pool().query(
    `UPDATE webhook_endpoints e SET previous_secret_enc = e.secret_enc, secret_enc = $4,
            previous_secret_expires_at = now() + make_interval(hours => $5), updated_at = now()
      WHERE ${OWNED} AND e.id = $3`,
    [waitlistId, teamId, endpointId, seal(secret), ROTATION_OVERLAP_HOURS],
  );
  if (!rowCount) notFound();
  return { endpoint: await getEndpoint(teamId, waitlistId, endpointId), secret };
}

/** Queues a `webhook.test` event to this one endpoint (whatever it subscribed to); answers the delivery id. */
export async function sendTestEvent(teamId: string, waitlistId: string, endpointId: string): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `WITH e AS (SELECT e.id, e.enabled, w.id AS waitlist_id, w.slug FROM webhook_endpoints e JOIN waitlists w ON w.id = e.waitlist_id
                 WHERE e.id = $3 AND e.waitlist_id = $1 AND w.team_id = $2),
          ev AS (INSERT INTO webhook_events (waitlist_id, type, data)
                 SELECT waitlist_id, $4, jsonb_build_object('waitlist', jsonb_build_object('id', waitlist_id, 'slug', slug), 'test', true)
                   FROM e RETURNING id, waitlist_id)
     INSERT INTO webhook_deliveries (event_id, endpoint_id, waitlist_id)
     SELECT ev.id, e.id, ev.waitlist_id FROM ev CROSS JOIN e RETURNING id`,
    [waitlistId, teamId, endpointId, TEST_EVENT],
  );
  return rows[0]?.id ?? notFound();
}
