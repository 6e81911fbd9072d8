-- Email to signups (lib/signup-email, lib/jobs). The job queue itself lives in the "pgboss" schema, which
-- pg-boss creates and migrates on its own when it starts; nothing here touches it.

-- One-click unsubscribe: set once, never cleared by us; the person keeps their place in line.
ALTER TABLE "signups" ADD COLUMN "unsubscribed_at" TIMESTAMP(3);

-- Secrets mailed to a signup (unsubscribe links, status links), stored as sha256 like status_token_hash.
-- Minted by the worker when it writes an email, so a token never sits in the job queue in the clear.
CREATE TABLE "signup_tokens" (
    "token_hash" TEXT NOT NULL,
    "signup_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signup_tokens_pkey" PRIMARY KEY ("token_hash"),
    CONSTRAINT "signup_tokens_purpose_check" CHECK ("purpose" IN ('status', 'unsubscribe'))
);
CREATE INDEX "signup_tokens_signup_id_idx" ON "signup_tokens"("signup_id");
ALTER TABLE "signup_tokens" ADD CONSTRAINT "signup_tokens_signup_id_fkey" FOREIGN KEY ("signup_id") REFERENCES "signups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What was sent, one row per event ("welcome:<signupId>"): the worker skips an event that has a row, so a
-- job run twice (retried after a crash, expired while slow) does not mail twice.
CREATE TABLE "signup_emails" (
    "event_key" TEXT NOT NULL,
    "signup_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "provider_id" TEXT,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signup_emails_pkey" PRIMARY KEY ("event_key")
);
CREATE INDEX "signup_emails_signup_id_idx" ON "signup_emails"("signup_id");
ALTER TABLE "signup_emails" ADD CONSTRAINT "signup_emails_signup_id_fkey" FOREIGN KEY ("signup_id") REFERENCES "signups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
