-- Sign-up restrictions, per waitlist (docs/restrictions.md). "Closed" stays the existing is_open switch (the one
-- source of truth for closed); sign_up_restricted adds the allowlist-only mode on top of an open list.
-- block_disposable defaults to true for new AND existing lists: throwaway addresses are the referral farmer's
-- first tool, and a real person refused gets a message telling them what to use instead.
ALTER TABLE "waitlists"
  ADD COLUMN "sign_up_restricted" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "allowlist" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "blocklist" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "block_subaddresses" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "block_disposable" BOOLEAN NOT NULL DEFAULT true,
  ADD COLUMN "banned_keywords" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "country_mode" TEXT NOT NULL DEFAULT 'off',
  ADD COLUMN "country_codes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD CONSTRAINT "waitlists_country_mode_check" CHECK ("country_mode" IN ('off', 'block', 'allow_only'));

-- Refusals per rule per UTC day: one upsert per refusal, read for the dashboard's last 7 days.
CREATE TABLE "signup_refusals" (
    "waitlist_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "rule" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "signup_refusals_pkey" PRIMARY KEY ("waitlist_id", "day", "rule")
);

ALTER TABLE "signup_refusals" ADD CONSTRAINT "signup_refusals_waitlist_id_fkey" FOREIGN KEY ("waitlist_id") REFERENCES "waitlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;
