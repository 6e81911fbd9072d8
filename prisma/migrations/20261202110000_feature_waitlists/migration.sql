-- Feature keys (lib/features, docs/feature-waitlists.md): names a product's backend uses to put its own signed-in
-- users on a waitlist (PUT /api/v1/features/{key}/members/{external_user_id}). A key is unique per owner, since
-- the owner's API key is all the call carries; owner_id is copied from the waitlist so that rule is one index.
-- The members themselves are signups with signups.external_id (migration 20261202091000_signup_data).
CREATE TABLE "waitlist_features" (
    "owner_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "waitlist_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "waitlist_features_pkey" PRIMARY KEY ("owner_id", "key"),
    CONSTRAINT "waitlist_features_key_check" CHECK ("key" ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$')
);

CREATE INDEX "waitlist_features_waitlist_id_idx" ON "waitlist_features"("waitlist_id");

ALTER TABLE "waitlist_features" ADD CONSTRAINT "waitlist_features_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "waitlist_features" ADD CONSTRAINT "waitlist_features_waitlist_id_fkey" FOREIGN KEY ("waitlist_id") REFERENCES "waitlists"("id") ON DELETE CASCADE ON UPDATE CASCADE;
