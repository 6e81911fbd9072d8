-- What a signup brings besides the contract's fields (docs/custom-fields.md, docs/feature-waitlists.md):
-- answers to the owner's own questions (keyed by field id, validated against waitlists.custom_fields on the way
-- in), the caller's metadata (seed 002 bounds), where the person came from (utm_*, referring site), and, for
-- members a product put on a feature waitlist, the product's own user id (unique per waitlist).
ALTER TABLE "waitlists" ADD COLUMN "custom_fields" JSONB NOT NULL DEFAULT '[]';

ALTER TABLE "signups"
  ADD COLUMN "answers" JSONB,
  ADD COLUMN "metadata" JSONB,
  ADD COLUMN "attribution" JSONB,
  ADD COLUMN "external_id" TEXT;

CREATE UNIQUE INDEX "signups_waitlist_id_external_id_key" ON "signups"("waitlist_id", "external_id");
