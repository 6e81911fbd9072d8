-- CreateEnum
CREATE TYPE "Plan" AS ENUM ('FREE', 'PRO');

-- CreateEnum
CREATE TYPE "SignupStatus" AS ENUM ('WAITING', 'INVITED');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "email_verified" TIMESTAMP(3),
    "image" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_tokens_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "waitlists" (
    "id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "theme" JSONB NOT NULL DEFAULT '{}',
    "field_name" BOOLEAN NOT NULL DEFAULT true,
    "field_company" BOOLEAN NOT NULL DEFAULT false,
    "field_twitter" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER,
    "referral_boost" INTEGER NOT NULL DEFAULT 1,
    "plan" "Plan" NOT NULL DEFAULT 'FREE',
    "is_open" BOOLEAN NOT NULL DEFAULT true,
    "next_seq" INTEGER NOT NULL DEFAULT 0,
    "waiting_count" INTEGER NOT NULL DEFAULT 0,
    "signup_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "waitlists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signups" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "waitlist_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "company" TEXT,
    "twitter" TEXT,
    "ref_code" TEXT NOT NULL,
    "referred_by_id" UUID,
    "referral_count" INTEGER NOT NULL DEFAULT 0,
    "seq" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "status" "SignupStatus" NOT NULL DEFAULT 'WAITING',
    "status_token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signup_blocks" (
    "waitlist_id" TEXT NOT NULL,
    "block" INTEGER NOT NULL,
    "waiting" INTEGER NOT NULL,

    CONSTRAINT "signup_blocks_pkey" PRIMARY KEY ("waitlist_id","block")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "waitlists_slug_key" ON "waitlists"("slug");

-- CreateIndex
CREATE INDEX "waitlists_owner_id_created_at_idx" ON "waitlists"("owner_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "signups_ref_code_key" ON "signups"("ref_code");

-- CreateIndex
CREATE UNIQUE INDEX "signups_status_token_hash_key" ON "signups"("status_token_hash");

-- CreateIndex
CREATE INDEX "signups_referred_by_id_idx" ON "signups"("referred_by_id");

-- CreateIndex
CREATE INDEX "signups_waitlist_id_created_at_idx" ON "signups"("waitlist_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "signups_waitlist_id_email_key" ON "signups"("waitlist_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "signups_waitlist_id_seq_key" ON "signups"("waitlist_id", "seq");

-- CreateIndex: the position lookup (lib/signups/position.ts) counts waiting people by (score, seq) inside one block
CREATE INDEX "signups_position_idx" ON "signups"("waitlist_id", "score", "seq") WHERE "status" = 'WAITING';

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlists" ADD CONSTRAINT "waitlists_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signups" ADD CONSTRAINT "signups_waitlist_id_fkey" FOREIGN KEY ("waitlist_id") REFERENCES "waitlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signups" ADD CONSTRAINT "signups_referred_by_id_fkey" FOREIGN KEY ("referred_by_id") REFERENCES "signups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signup_blocks" ADD CONSTRAINT "signup_blocks_waitlist_id_fkey" FOREIGN KEY ("waitlist_id") REFERENCES "waitlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;
