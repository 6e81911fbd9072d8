-- Letting people in (lib/signups/line-admit.ts, lib/invitations): the owner's invitation settings, when each
-- person was invited / joined / removed, per-person invite codes, and scheduled waves run by the job queue.

-- The invitation the owner sends: a link to their product (https only, null = none), a plain-text message,
-- whether each invitee gets an invite code, and the IANA zone recurring waves are scheduled in.
ALTER TABLE "waitlists" ADD COLUMN "invite_url" TEXT;
ALTER TABLE "waitlists" ADD COLUMN "invite_message" TEXT NOT NULL DEFAULT '';
ALTER TABLE "waitlists" ADD COLUMN "require_invite_code" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "waitlists" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "waitlists" ADD CONSTRAINT "waitlists_invite_url_check" CHECK ("invite_url" IS NULL OR "invite_url" LIKE 'https://%');

-- Set by the keeper with the status change; cleared when the person is put back in line.
ALTER TABLE "signups" ADD COLUMN "invited_at" TIMESTAMP(3);
ALTER TABLE "signups" ADD COLUMN "joined_at" TIMESTAMP(3);
ALTER TABLE "signups" ADD COLUMN "removed_at" TIMESTAMP(3);
-- Issued at invitation when the list requires codes; kept if the person is put back and invited again.
-- Partial: a signup (no code yet) costs no index entry, so the signup hot path pays nothing for it.
ALTER TABLE "signups" ADD COLUMN "invite_code" TEXT;
CREATE UNIQUE INDEX "signups_invite_code_idx" ON "signups"("waitlist_id", "invite_code") WHERE "invite_code" IS NOT NULL;

-- A wave: the top `size` waiting people, once at next_run_at, or daily / weekly at a local time of day in the
-- waitlist's zone (weekday 0 = Sunday .. 6). The queue runs it (job "invite-wave", startAfter = next_run_at).
CREATE TABLE "invite_waves" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "waitlist_id" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "weekday" INTEGER,
    "time_of_day" TEXT,
    "next_run_at" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "last_run_at" TIMESTAMP(3),
    "last_invited_count" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invite_waves_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "invite_waves_size_check" CHECK ("size" BETWEEN 1 AND 10000),
    CONSTRAINT "invite_waves_kind_check" CHECK ("kind" IN ('once', 'daily', 'weekly')),
    CONSTRAINT "invite_waves_status_check" CHECK ("status" IN ('scheduled', 'done', 'cancelled')),
    CONSTRAINT "invite_waves_weekday_check" CHECK (("kind" = 'weekly') = ("weekday" IS NOT NULL) AND ("weekday" IS NULL OR "weekday" BETWEEN 0 AND 6)),
    CONSTRAINT "invite_waves_time_check" CHECK (("kind" = 'once') = ("time_of_day" IS NULL) AND ("time_of_day" IS NULL OR "time_of_day" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'))
);
CREATE INDEX "invite_waves_waitlist_id_status_idx" ON "invite_waves"("waitlist_id", "status");
ALTER TABLE "invite_waves" ADD CONSTRAINT "invite_waves_waitlist_id_fkey" FOREIGN KEY ("waitlist_id") REFERENCES "waitlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;
