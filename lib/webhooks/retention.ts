import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";

// How long webhook events (and with them their deliveries and attempts, ON DELETE CASCADE) are kept. They
// carry a person's email, name and external id, so they go when the person does, and all of them after
// WEBHOOK_RETENTION_DAYS once nothing is left to send. The signup.deleted event itself stays: it is what tells
// the owner's own systems to erase the person too.

/** Deletes the events about this person (in the caller's transaction when given). */
export async function forgetSignupEvents(waitlistId: string, signupId: string, client?: PoolClient): Promise<void> {
  await (client ?? pool()).query(
    `DELETE FROM webhook_events
      WHERE (data -> 'signup' ->> 'id') = $2 AND waitlist_id = $1 AND type <> 'signup.deleted'`,
    [waitlistId, signupId],
  );
}

/** Prunes events past the retention period that have no delivery still pending. Answers how many went. */
export async function pruneWebhookEvents(now = new Date()): Promise<number> {
  const { rowCount } = await pool().query(
    `DELETE FROM webhook_events e
      WHERE e.created_at < $1::timestamptz - make_interval(days => $2)
        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'pending')`,
    [now, env().WEBHOOK_RETENTION_DAYS],
  );
  return rowCount ?? 0;
}
