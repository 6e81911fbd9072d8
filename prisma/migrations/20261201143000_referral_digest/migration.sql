-- "A friend joined" digest (lib/signup-email/digest.ts): off per waitlist by default. The signup path does no
-- digest work at all: it only moves referral_count, as before; a periodic sweep compares it with what the last
-- digest told the person.
ALTER TABLE "waitlists" ADD COLUMN "referral_digest" BOOLEAN NOT NULL DEFAULT false;

-- What the person was last told: their referral count and position in that digest (the baseline of the next
-- one), when the last digest was claimed, and its event key ("digest:<signupId>:<day>"). The claim is what
-- keeps it to one a day whatever runs at once: only the job holding the key may send within 24 hours.
ALTER TABLE "signups" ADD COLUMN "digest_referral_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "signups" ADD COLUMN "digest_position" INTEGER;
ALTER TABLE "signups" ADD COLUMN "digest_sent_at" TIMESTAMP(3);
ALTER TABLE "signups" ADD COLUMN "digest_key" TEXT;

-- The sweep's index: only people with referrals nobody has told them about yet, so a sweep of a million-person
-- list reads those few rows, not the list. New signups (no referrals) are not in it, so the signup insert does
-- not maintain it; a credited referrer's UPDATE already rewrites the row (its score is indexed).
CREATE INDEX "signups_digest_due_idx" ON "signups" ("waitlist_id", "id")
  WHERE "referral_count" > "digest_referral_count" AND "status" = 'WAITING';

-- The owner's "sent in the last 24 h" count reads the ledger by time.
CREATE INDEX "signup_emails_sent_at_idx" ON "signup_emails" ("sent_at");
