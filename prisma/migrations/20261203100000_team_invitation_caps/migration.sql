-- The invitation caps across teams (lib/teams/invite-caps.ts) count one inviter's and one address's
-- invitations of the last 24 hours: without these every invitation would scan the whole table.
CREATE INDEX "team_invitations_invited_by_created_at_idx" ON "team_invitations"("invited_by", "created_at");
CREATE INDEX "team_invitations_lower_email_created_at_idx" ON "team_invitations"(lower("email"), "created_at");
