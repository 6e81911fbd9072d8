-- Double opt-in, per waitlist (docs/double-opt-in.md). Off by default, so existing lists keep working as they
-- did. With it on, a new signup is stored PENDING (it takes its seq and counts in signup_count, so caps stay
-- exact, but not in waiting_count / signup_blocks, so it has no place in line) until the person confirms the
-- emailed link; confirmed_at records when. Rows from before this migration are NULL: they never needed it.
ALTER TABLE "waitlists" ADD COLUMN "double_opt_in" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "signups" ADD COLUMN "confirmed_at" TIMESTAMPTZ(3);
