-- AlterTable: Stripe state of a waitlist's Pro subscription
ALTER TABLE "waitlists" ADD COLUMN "stripe_customer_id" TEXT,
ADD COLUMN "stripe_subscription_id" TEXT,
ADD COLUMN "subscription_status" TEXT;

-- CreateTable: every Stripe event processed once, whatever Stripe redelivers
CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "waitlists_stripe_subscription_id_key" ON "waitlists"("stripe_subscription_id");
