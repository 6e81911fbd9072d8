import "server-only";
import { pool } from "@/lib/db";
import { logger } from "@/lib/log";

// The one event the signup triggers cannot see: a signup refused because the list is full changes no row.
// It is written when the refusal happens, once per signup count (so a full list hammered by signups emits it
// once, and again only after the owner raised the cap and it filled up again).

export async function emitWaitlistFull(waitlistId: string): Promise<void> {
  await pool()
    .query(
      `WITH subs AS (SELECT e.id FROM webhook_endpoints e WHERE e.waitlist_id = $1 AND e.enabled AND 'waitlist.full' = ANY(e.events)),
            ev AS (INSERT INTO webhook_events (waitlist_id, type, data, dedupe_key)
                   SELECT w.id, 'waitlist.full',
                          jsonb_build_object('waitlist', jsonb_build_object('id', w.id, 'slug', w.slug,
                            'signup_count', w.signup_count, 'capacity', w.capacity, 'plan', lower(w.plan::text))),
                          'full:' || w.signup_count
                     FROM waitlists w WHERE w.id = $1 AND EXISTS (SELECT 1 FROM subs)
                   ON CONFLICT DO NOTHING RETURNING id)
       INSERT INTO webhook_deliveries (event_id, endpoint_id, waitlist_id) SELECT ev.id, subs.id, $1 FROM ev CROSS JOIN subs`,
      [waitlistId],
    )
    // The refusal is the answer that matters; a lost notification is logged, not turned into a 500.
    .catch((error: unknown) => logger.error("could not write the waitlist.full webhook event", error));
}
