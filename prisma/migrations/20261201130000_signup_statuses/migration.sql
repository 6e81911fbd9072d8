-- The signup's life (lib/signups/statuses.ts): PENDING (double opt-in, not yet confirmed) -> WAITING (in line)
-- -> INVITED (let in) -> JOINED (uses the product), or REMOVED by the owner. Only WAITING people are in line
-- (signups_position_idx, signup_blocks and waiting_count count WAITING rows only). New values only: a value
-- added here cannot be used in this same transaction, and nothing here uses them.
ALTER TYPE "SignupStatus" ADD VALUE IF NOT EXISTS 'PENDING' BEFORE 'WAITING';
ALTER TYPE "SignupStatus" ADD VALUE IF NOT EXISTS 'JOINED';
ALTER TYPE "SignupStatus" ADD VALUE IF NOT EXISTS 'REMOVED';

-- Mailed secrets for the new emails: "confirm" (double opt-in) and "leave" (erasure, after a confirmation click).
ALTER TABLE "signup_tokens" DROP CONSTRAINT "signup_tokens_purpose_check";
ALTER TABLE "signup_tokens" ADD CONSTRAINT "signup_tokens_purpose_check"
  CHECK ("purpose" IN ('status', 'unsubscribe', 'confirm', 'leave'));
