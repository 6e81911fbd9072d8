-- Referral integrity (docs/referral-integrity.md).

-- 1. One mailbox, one place. canonical_mailbox() is THE definition (the stored column is generated from it, so
-- no code path can disagree): lowercase; the +tag dropped (unless the local part is quoted or starts with '+');
-- for gmail.com / googlemail.com (one provider, which documents dots as ignored) the dots dropped and the
-- domain unified. Signup addresses are ASCII (the signup schema refuses others), so no IDNA here.
-- PL/pgSQL rather than SQL: a non-inlined SQL function cost ~80 µs a call here, this one ~4 µs.
CREATE FUNCTION canonical_mailbox(email TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  domain TEXT := lower(split_part(email, '@', -1));
  local TEXT;
BEGIN
  IF strpos(email, '@') = 0 THEN RETURN domain; END IF;
  local := lower(left(email, length(email) - length(domain) - 1));
  IF local NOT LIKE '"%' AND strpos(local, '+') > 1 THEN local := left(local, strpos(local, '+') - 1); END IF;
  IF domain IN ('gmail.com', 'googlemail.com') THEN
    domain := 'gmail.com';
    IF replace(local, '.', '') <> '' THEN local := replace(local, '.', ''); END IF;
  END IF;
  RETURN local || '@' || domain;
END
$$;

ALTER TABLE "signups" ADD COLUMN "mailbox" TEXT GENERATED ALWAYS AS (canonical_mailbox("email")) STORED;
-- Lists may already hold two addresses of one mailbox (ann@ and ann+2@): both stay, and the later ones are
-- marked so the uniqueness below holds for everyone who signs up from now on.
ALTER TABLE "signups" ADD COLUMN "mailbox_shared" BOOLEAN NOT NULL DEFAULT false;
UPDATE "signups" s SET "mailbox_shared" = true
  FROM (SELECT id, row_number() OVER (PARTITION BY waitlist_id, mailbox ORDER BY seq) AS n FROM "signups") d
 WHERE d.id = s.id AND d.n > 1;
CREATE UNIQUE INDEX "signups_waitlist_id_mailbox_key" ON "signups"("waitlist_id", "mailbox") WHERE NOT "mailbox_shared";

-- 2. The state of the credit a referee gives its referrer: null (no referrer, or pending confirmation),
-- credited, held (velocity: waiting for the owner's review, hold_reason says why), revoked (credited, then the
-- referee was removed: given back if they are put back in line) or rejected (held, and the owner rejected it).
-- The signup's network for the velocity rule: a keyed hash of its IP and its /24 (IPv6: /48), kept only for
-- referred signups.
ALTER TABLE "signups"
  ADD COLUMN "referral_credit" TEXT,
  ADD COLUMN "hold_reason" TEXT,
  ADD COLUMN "ip_hash" TEXT,
  ADD COLUMN "ip_net" TEXT,
  ADD CONSTRAINT "signups_referral_credit_check" CHECK ("referral_credit" IN ('credited', 'held', 'revoked', 'rejected'));
UPDATE "signups" SET "referral_credit" = 'credited' WHERE "referred_by_id" IS NOT NULL AND "status" <> 'PENDING';
CREATE INDEX "signups_held_idx" ON "signups"("waitlist_id", "created_at") WHERE "referral_credit" = 'held';

-- Velocity thresholds per waitlist: more than N referees of one referrer from one IP (or one network) within
-- the window are held for review instead of credited. 0 turns a rule off.
ALTER TABLE "waitlists"
  ADD COLUMN "velocity_per_ip" INTEGER NOT NULL DEFAULT 3,
  ADD COLUMN "velocity_per_network" INTEGER NOT NULL DEFAULT 10,
  ADD COLUMN "velocity_window_minutes" INTEGER NOT NULL DEFAULT 60,
  ADD CONSTRAINT "waitlists_velocity_check" CHECK ("velocity_per_ip" >= 0 AND "velocity_per_network" >= 0
    AND "velocity_window_minutes" BETWEEN 1 AND 10080);

-- 3. Ties go to the referred-up person (lib/signups/position.ts): score = 2 * (seq - boost * referrals) - (1 if
-- any referral), so a first referral at boost 1 passes one person. Every score recomputed, every block
-- recounted at the new block size (2048: the scores' range doubled).
UPDATE "signups" s
   SET "score" = 2 * (s."seq" - w."referral_boost" * s."referral_count") - CASE WHEN s."referral_count" > 0 THEN 1 ELSE 0 END
  FROM "waitlists" w WHERE w."id" = s."waitlist_id";
DELETE FROM "signup_blocks";
INSERT INTO "signup_blocks" ("waitlist_id", "block", "waiting")
SELECT "waitlist_id", floor("score"::numeric / 2048)::int, COUNT(*) FROM "signups" WHERE "status" = 'WAITING' GROUP BY 1, 2;
