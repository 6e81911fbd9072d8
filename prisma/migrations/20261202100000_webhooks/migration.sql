-- Outgoing webhooks (lib/webhooks, docs/webhooks.md). Endpoints per waitlist, an outbox of events written by
-- statement-level triggers on `signups` in the very transaction that changes a signup (so an event exists exactly
-- when its change commits, and the line keeper's statements need no change), one delivery per subscribed endpoint,
-- and every attempt of a delivery for the log.

CREATE TABLE "webhook_endpoints" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "waitlist_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    -- AES-256-GCM under a key derived from AUTH_SECRET (lib/webhooks/secret-box.ts): we must sign with it
    "secret_enc" TEXT NOT NULL,
    -- the secret before the last rotation, still signed with until it expires (both signatures are sent)
    "previous_secret_enc" TEXT,
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    -- first failed attempt since the last success; three days of that disables the endpoint
    "failing_since" TIMESTAMPTZ(3),
    "disabled_reason" TEXT,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "webhook_endpoints_waitlist_id_idx" ON "webhook_endpoints"("waitlist_id");
-- What the triggers probe: lists without an enabled endpoint find nothing in a tiny index.
CREATE INDEX "webhook_endpoints_enabled_idx" ON "webhook_endpoints"("waitlist_id") WHERE "enabled";

ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_waitlist_id_fkey" FOREIGN KEY ("waitlist_id") REFERENCES "waitlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "waitlist_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    -- events that must exist once per occasion (waitlist.full per signup count)
    "dedupe_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "webhook_events_dedupe_idx" ON "webhook_events"("waitlist_id", "dedupe_key") WHERE "dedupe_key" IS NOT NULL;
CREATE INDEX "webhook_events_waitlist_id_created_at_idx" ON "webhook_events"("waitlist_id", "created_at");

ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_waitlist_id_fkey" FOREIGN KEY ("waitlist_id") REFERENCES "waitlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "waitlist_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- retries go on for WEBHOOK_RETRY_HOURS from here (a resend starts a new window)
    "retry_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- a dispatcher's lease while it sends; an expired lease (a killed worker) makes the delivery due again
    "locked_until" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('pending', 'succeeded', 'failed'))
);

CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries"("next_attempt_at") WHERE "status" = 'pending';
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_idx" ON "webhook_deliveries"("endpoint_id", "created_at");
CREATE INDEX "webhook_deliveries_waitlist_id_created_at_idx" ON "webhook_deliveries"("waitlist_id", "created_at");
CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries"("event_id");

ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_waitlist_id_fkey" FOREIGN KEY ("waitlist_id") REFERENCES "waitlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "webhook_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "delivery_id" UUID NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_code" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    -- at most 1 KB of the receiver's answer
    "response_excerpt" TEXT,
    "error" TEXT,

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "webhook_attempts_delivery_id_attempted_at_idx" ON "webhook_attempts"("delivery_id", "attempted_at");

ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The signup as the payload shows it (docs/webhooks.md). Position is not part of it: it changes with everyone
-- else's moves and is one API call away.
CREATE FUNCTION "webhook_signup_json"(s "signups") RETURNS JSONB LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', s.id, 'email', s.email, 'name', s.name, 'status', lower(s.status::text), 'ref_code', s.ref_code,
    'referred_by', s.referred_by_id, 'referral_count', s.referral_count, 'external_id', s.external_id,
    'created_at', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
$$;

-- Writes one event per (row, type) of `rows` for lists with an enabled endpoint subscribed to that type, and one
-- delivery per such endpoint. `rows` is (waitlist_id, type, signup jsonb).
CREATE FUNCTION "webhook_emit"(rows JSONB) RETURNS VOID LANGUAGE sql AS $$
  WITH r AS (
    SELECT x.waitlist_id, x.type, x.signup FROM jsonb_to_recordset(rows) AS x(waitlist_id TEXT, type TEXT, signup JSONB)
  ), subs AS (
    SELECT e.id AS endpoint_id, e.waitlist_id, t.type
      FROM (SELECT DISTINCT waitlist_id, type FROM r) t
      JOIN "webhook_endpoints" e ON e.waitlist_id = t.waitlist_id AND e.enabled AND t.type = ANY(e.events)
  ), ev AS (
    INSERT INTO "webhook_events" ("waitlist_id", "type", "data")
    SELECT r.waitlist_id, r.type,
           jsonb_build_object('waitlist', jsonb_build_object('id', w.id, 'slug', w.slug), 'signup', r.signup)
      FROM r JOIN "waitlists" w ON w.id = r.waitlist_id
     WHERE EXISTS (SELECT 1 FROM subs WHERE subs.waitlist_id = r.waitlist_id AND subs.type = r.type)
    RETURNING "id", "waitlist_id", "type"
  )
  INSERT INTO "webhook_deliveries" ("event_id", "endpoint_id", "waitlist_id")
  SELECT ev.id, subs.endpoint_id, ev.waitlist_id FROM ev JOIN subs ON subs.waitlist_id = ev.waitlist_id AND subs.type = ev.type
$$;

-- Statement-level, set-based: one call per statement whatever its size. Every function first asks whether any
-- enabled endpoint exists for the statement's lists (an index probe), so lists without webhooks pay about nothing.
CREATE FUNCTION "webhook_signups_inserted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "webhook_endpoints" e WHERE e.enabled AND e.waitlist_id IN (SELECT DISTINCT waitlist_id FROM new_rows)) THEN
    -- A referrer who joined earlier in the same group-commit batch is inserted already credited.
    PERFORM "webhook_emit"(COALESCE(jsonb_agg(jsonb_build_object(
              'waitlist_id', c.waitlist_id, 'type', c.type, 'signup', c.signup) ORDER BY c.seq, c.type DESC), '[]'))
       FROM (
         SELECT n.waitlist_id, n.seq, 'signup.created' AS type, "webhook_signup_json"(n) AS signup
           FROM new_rows n WHERE n.status IN ('WAITING', 'PENDING')
         UNION ALL
         SELECT n.waitlist_id, n.seq, 'referral.credited', "webhook_signup_json"(n)
           FROM new_rows n WHERE n.status IN ('WAITING', 'PENDING') AND n.referral_count > 0
       ) c;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "webhook_signups_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "webhook_endpoints" e WHERE e.enabled AND e.waitlist_id IN (SELECT DISTINCT waitlist_id FROM new_rows)) THEN
    PERFORM "webhook_emit"(COALESCE(jsonb_agg(jsonb_build_object(
              'waitlist_id', c.waitlist_id, 'type', c.type, 'signup', c.signup) ORDER BY c.seq, c.type), '[]'))
       FROM (
         SELECT n.waitlist_id, n.seq, "webhook_signup_json"(n) AS signup,
                CASE n.status WHEN 'WAITING' THEN 'signup.confirmed' WHEN 'INVITED' THEN 'signup.invited'
                              WHEN 'JOINED' THEN 'signup.joined' WHEN 'REMOVED' THEN 'signup.removed' END AS type
           FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE n.status IS DISTINCT FROM o.status
            AND (n.status <> 'WAITING' OR o.status = 'PENDING')
         UNION ALL
         SELECT n.waitlist_id, n.seq, "webhook_signup_json"(n), 'referral.credited'
           FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE n.referral_count > o.referral_count
       ) c;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "webhook_signups_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  -- A deleted waitlist's signups go with it: its row is gone, so the join in webhook_emit writes nothing.
  IF EXISTS (SELECT 1 FROM "webhook_endpoints" e WHERE e.enabled AND e.waitlist_id IN (SELECT DISTINCT waitlist_id FROM old_rows)) THEN
    PERFORM "webhook_emit"(COALESCE(jsonb_agg(jsonb_build_object(
              'waitlist_id', o.waitlist_id, 'type', 'signup.deleted',
              'signup', jsonb_build_object('id', o.id, 'email', o.email, 'ref_code', o.ref_code, 'external_id', o.external_id))
              ORDER BY o.seq), '[]'))
       FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "webhook_signups_inserted" AFTER INSERT ON "signups"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "webhook_signups_inserted"();
CREATE TRIGGER "webhook_signups_updated" AFTER UPDATE ON "signups"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "webhook_signups_updated"();
CREATE TRIGGER "webhook_signups_deleted" AFTER DELETE ON "signups"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "webhook_signups_deleted"();
