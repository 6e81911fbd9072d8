-- Owner API keys (lib/keys, docs/api-keys.md). Only a sha256 of the secret is stored (the secret is 32 random
-- base62 characters, so a fast hash is enough and a lookup is one index probe); the prefix is what the dashboard
-- shows to tell keys apart. A revoked key keeps its row so the dashboard and audit can still name it.
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_keys_scope_check" CHECK ("scope" IN ('read', 'write'))
);

CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys"("secret_hash");
CREATE INDEX "api_keys_owner_id_idx" ON "api_keys"("owner_id");

ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
