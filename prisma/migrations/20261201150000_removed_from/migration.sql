-- The status a REMOVED person had when the owner removed them (lib/signups/line-admit.ts), NULL otherwise.
-- Putting someone back in line is only sound for people who were in it: a person removed while PENDING never
-- confirmed their email (double opt-in), so their referrer was never credited and they got no welcome.
-- confirmed_at cannot tell: it is NULL too for everyone on a list without double opt-in. Rows removed before
-- this migration stay NULL (unknown) and keep the old behaviour.
ALTER TABLE "signups" ADD COLUMN "removed_from" "SignupStatus";
