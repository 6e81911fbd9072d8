-- Teams (issue 17, docs/teams.md): a waitlist belongs to a team; people are members with a role; billing and
-- API keys belong to the team; an append-only audit log records every change. Every existing owner gets a
-- personal team holding their waitlists, keys and feature keys, so nothing moves out of anyone's reach.

CREATE TABLE "teams" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "name" TEXT NOT NULL CHECK (char_length("name") BETWEEN 1 AND 80),
    -- the user whose default team this is (created with the user); they cannot leave it
    "personal_of" TEXT UNIQUE REFERENCES "users"("id") ON DELETE SET NULL,
    -- viewers may download the CSV of personal data only when the owners allow it
    "viewers_can_export" BOOLEAN NOT NULL DEFAULT false,
    "plan" "Plan" NOT NULL DEFAULT 'FREE',
    "stripe_customer_id" TEXT,
    "stripe_subscription_id" TEXT UNIQUE,
    "subscription_status" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "team_members" (
    "team_id" TEXT NOT NULL REFERENCES "teams"("id") ON DELETE CASCADE,
    "user_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
    "role" TEXT NOT NULL CHECK ("role" IN ('owner', 'admin', 'viewer')),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "team_members_pkey" PRIMARY KEY ("team_id", "user_id")
);
CREATE INDEX "team_members_user_id_idx" ON "team_members"("user_id");

CREATE TABLE "team_invitations" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "teams"("id") ON DELETE CASCADE,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL CHECK ("role" IN ('owner', 'admin', 'viewer')),
    -- sha256 of the token in the emailed link; the token itself is never stored
    "token_hash" TEXT NOT NULL UNIQUE,
    "invited_by" TEXT REFERENCES "users"("id") ON DELETE SET NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by" TEXT REFERENCES "users"("id") ON DELETE SET NULL,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "team_invitations_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "team_invitations_team_id_created_at_idx" ON "team_invitations"("team_id", "created_at");

-- No foreign keys: the record outlives what it names (a deleted waitlist, a removed member, a revoked key).
CREATE TABLE "audit_log" (
    "id" BIGINT GENERATED ALWAYS AS IDENTITY,
    "team_id" TEXT NOT NULL,
    "waitlist_id" TEXT,
    -- session (a person in the dashboard), key (an API key), system (Stripe, the migration)
    "actor_kind" TEXT NOT NULL CHECK ("actor_kind" IN ('session', 'key', 'system')),
    "actor_user_id" TEXT,
    "actor_key_id" TEXT,
    -- who, in words, as they were when it happened (an email, a key's name and prefix)
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_team_id_id_idx" ON "audit_log"("team_id", "id" DESC);

-- Append-only for the application: rows can be added, never changed or removed (TRUNCATE included).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Every user has a personal team from the moment they exist (Auth.js's adapter, the seed, tests), so no code
-- path has to create one lazily.
CREATE FUNCTION create_personal_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  team TEXT := gen_random_uuid()::text;
BEGIN
  INSERT INTO teams (id, name, personal_of)
  VALUES (team, left(coalesce(nullif(btrim(NEW.name), ''), split_part(NEW.email, '@', 1)), 70) || '''s team', NEW.id);
  INSERT INTO team_members (team_id, user_id, role) VALUES (team, NEW.id, 'owner');
  RETURN NULL;
END $$;

INSERT INTO "teams" ("name", "personal_of")
SELECT left(coalesce(nullif(btrim(u."name"), ''), split_part(u."email", '@', 1)), 70) || '''s team', u."id" FROM "users" u;
INSERT INTO "team_members" ("team_id", "user_id", "role") SELECT t."id", t."personal_of", 'owner' FROM "teams" t;

CREATE TRIGGER users_personal_team AFTER INSERT ON "users" FOR EACH ROW EXECUTE FUNCTION create_personal_team();

-- Waitlists: owned by the team; `created_by` keeps who made it (and survives their account's deletion).
ALTER TABLE "waitlists" ADD COLUMN "team_id" TEXT;
UPDATE "waitlists" w SET "team_id" = t."id" FROM "teams" t WHERE t."personal_of" = w."owner_id";
ALTER TABLE "waitlists" ALTER COLUMN "team_id" SET NOT NULL;
ALTER TABLE "waitlists" ADD CONSTRAINT "waitlists_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "waitlists_team_id_created_at_idx" ON "waitlists"("team_id", "created_at");
ALTER TABLE "waitlists" DROP CONSTRAINT "waitlists_owner_id_fkey";
DROP INDEX "waitlists_owner_id_created_at_idx";
ALTER TABLE "waitlists" RENAME COLUMN "owner_id" TO "created_by";
ALTER TABLE "waitlists" ALTER COLUMN "created_by" DROP NOT NULL;
ALTER TABLE "waitlists" ADD CONSTRAINT "waitlists_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Billing moves to the team (docs/billing.md). Before teams, Pro was bought per list, so an owner may hold
-- several subscriptions. The team takes the one that bills best: status first (active, then trialing, then
-- past_due, then anything else: an ended one only when nothing bills), then the newest. There is no start date
-- per subscription; the tiebreak is the list's created_at, which a subscription cannot predate and which nothing
-- changes afterwards (updated_at moves with every settings edit and every Stripe event, so it says nothing about
-- which subscription is newer), then the list's id so the choice is deterministic.
-- The team is Pro when any of its lists was (the plan the webhook derived from the status), and Pro then applies
-- to all its lists. `waitlists.plan` stays as the team's plan copied onto each list, kept by lib/billing in the
-- transaction that changes the team's, because the signup statement reads it under the list's row lock.
UPDATE "teams" t SET "stripe_customer_id" = p."stripe_customer_id",
       "stripe_subscription_id" = p."stripe_subscription_id", "subscription_status" = p."subscription_status"
  FROM (SELECT DISTINCT ON ("team_id") "team_id", "stripe_customer_id", "stripe_subscription_id", "subscription_status"
          FROM "waitlists" WHERE "stripe_subscription_id" IS NOT NULL
         ORDER BY "team_id",
                  CASE "subscription_status" WHEN 'active' THEN 0 WHEN 'trialing' THEN 1 WHEN 'past_due' THEN 2 ELSE 3 END,
                  "created_at" DESC, "id" DESC) p
 WHERE p."team_id" = t."id";
UPDATE "teams" t SET "plan" = 'PRO'
 WHERE EXISTS (SELECT 1 FROM "waitlists" w WHERE w."team_id" = t."id" AND w."plan" = 'PRO');
UPDATE "teams" t SET "stripe_customer_id" = c."stripe_customer_id"
  FROM (SELECT DISTINCT ON ("team_id") "team_id", "stripe_customer_id" FROM "waitlists"
         WHERE "stripe_customer_id" IS NOT NULL ORDER BY "team_id", "created_at" DESC, "id" DESC) c
 WHERE c."team_id" = t."id" AND t."stripe_customer_id" IS NULL;
UPDATE "waitlists" w SET "plan" = t."plan" FROM "teams" t WHERE t."id" = w."team_id" AND w."plan" <> t."plan";

-- Every other per-list subscription is kept, with its list, customer and last known status, before the per-list
-- columns go: WaitForge does not cancel them, they may still bill, and the webhook falls back on one that still
-- does when the team's own subscription ends (lib/billing/legacy.ts). A subscription the team replaces later
-- while it still bills lands here too. No foreign key to the list: the subscription outlives a deleted list.
CREATE TABLE "legacy_subscriptions" (
    "subscription_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "team_id" TEXT NOT NULL REFERENCES "teams"("id") ON DELETE CASCADE,
    "waitlist_id" TEXT,
    "status" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "legacy_subscriptions_pkey" PRIMARY KEY ("subscription_id")
);
CREATE INDEX "legacy_subscriptions_team_id_idx" ON "legacy_subscriptions"("team_id");
INSERT INTO "legacy_subscriptions" ("subscription_id", "customer_id", "team_id", "waitlist_id", "status")
SELECT w."stripe_subscription_id", w."stripe_customer_id", w."team_id", w."id", w."subscription_status"
  FROM "waitlists" w JOIN "teams" t ON t."id" = w."team_id"
 WHERE w."stripe_subscription_id" IS NOT NULL AND w."stripe_subscription_id" IS DISTINCT FROM t."stripe_subscription_id";
DROP INDEX "waitlists_stripe_subscription_id_key";
ALTER TABLE "waitlists" DROP COLUMN "stripe_customer_id", DROP COLUMN "stripe_subscription_id", DROP COLUMN "subscription_status";

-- API keys belong to the team (a key acts for the team, not for the person who made it).
ALTER TABLE "api_keys" ADD COLUMN "team_id" TEXT;
UPDATE "api_keys" k SET "team_id" = t."id" FROM "teams" t WHERE t."personal_of" = k."owner_id";
ALTER TABLE "api_keys" ALTER COLUMN "team_id" SET NOT NULL;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "api_keys_team_id_idx" ON "api_keys"("team_id");
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_owner_id_fkey";
DROP INDEX "api_keys_owner_id_idx";
ALTER TABLE "api_keys" RENAME COLUMN "owner_id" TO "created_by";
ALTER TABLE "api_keys" ALTER COLUMN "created_by" DROP NOT NULL;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Feature keys are unique per team (the team's API key is all a product call carries).
ALTER TABLE "waitlist_features" ADD COLUMN "team_id" TEXT;
UPDATE "waitlist_features" f SET "team_id" = w."team_id" FROM "waitlists" w WHERE w."id" = f."waitlist_id";
ALTER TABLE "waitlist_features" ALTER COLUMN "team_id" SET NOT NULL;
ALTER TABLE "waitlist_features" DROP CONSTRAINT "waitlist_features_pkey";
ALTER TABLE "waitlist_features" DROP CONSTRAINT "waitlist_features_owner_id_fkey";
ALTER TABLE "waitlist_features" DROP COLUMN "owner_id";
ALTER TABLE "waitlist_features" ADD CONSTRAINT "waitlist_features_pkey" PRIMARY KEY ("team_id", "key");
ALTER TABLE "waitlist_features" ADD CONSTRAINT "waitlist_features_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
