-- Webhook events hold a person's data (email, name, external id). An erased person's events go with them
-- (lib/webhooks/retention.ts), found by this index; every event is pruned after WEBHOOK_RETENTION_DAYS once
-- nothing is left to deliver, through the existing (waitlist_id, created_at) index's sibling below.
CREATE INDEX "webhook_events_signup_id_idx" ON "webhook_events" (("data" -> 'signup' ->> 'id'));
CREATE INDEX "webhook_events_created_at_idx" ON "webhook_events" ("created_at");
