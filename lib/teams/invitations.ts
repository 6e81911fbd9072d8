import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { render } from "@react-email/components";
import { pool, withTransaction } from "@/lib/db";
import { sendEmail } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { assertUnderInviteCaps } from "@/lib/teams/invite-caps";
import { TeamInvitationEmail, teamInvitationText } from "@/lib/teams/invitation-email";
import { isRole, type Role } from "@/lib/teams/roles";
import { INVITATION_DAYS, INVITE_TOKEN, type InvitationView, type InviteInput } from "@/lib/teams/schemas";
import { assertStillOwner, lockTeam } from "@/lib/teams/team-lock";

// Emailed invitations into a team (docs/teams.md). The link carries 32 random bytes (base64url); only their
// sha256 is stored, so the table cannot be turned back into working links. A link works once, for
// INVITATION_DAYS, until revoked, only for the invited address (compared case-insensitively), and only while the
// person who sent it is still an owner of the team. Caps per team, per inviter and per address: invite-caps.ts.
// Inviting an address that already has a pending invitation sends a fresh link and revokes the older one (the
// owner's "re-send").

export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function inviteUrl(token: string): string {
  return `${env().appOrigin}/invite/${token}`;
}

type Inviter = { userId: string; email: string };

/** Creates an invitation and emails its link; answers it (never the token) and whether it replaced a pending one. */
export async function createInvitation(teamId: string, inviter: Inviter, input: InviteInput): Promise<{ invitation: InvitationView; resent: boolean }> {
  const token = randomBytes(32).toString("base64url");
  const created = await withTransaction(async (client) => {
    // The team's row lock serialises invitations of one team, so two at once cannot both slip under the cap, and
    // a co-owner's demotion of the inviter either ran before (refused here) or runs after (and revokes this one).
    const team = await lockTeam(client, teamId);
    await assertStillOwner(client, teamId, inviter.userId);
    const member = await client.query(
      `SELECT 1 FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 AND lower(u.email) = $2`,
      [teamId, input.email],
    );
    if (member.rowCount) throw new AppError("conflict", `${input.email} is already a member of this team.`, "email");
    await assertUnderInviteCaps(client, teamId, inviter.userId, input.email);
    const { rows } = await client.query<{ id: string; created_at: Date; expires_at: Date }>(
      `INSERT INTO team_invitations (team_id, email, role, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
       RETURNING id, created_at, expires_at`,
      [teamId, input.email, input.role, hashInviteToken(token), inviter.userId, INVITATION_DAYS],
    );
    return { ...rows[0]!, teamName: team.name };
  });

  try {
    await sendInvitationEmail(token, created.id, { teamName: created.teamName, inviter: inviter.email, role: input.role, email: input.email });
  } catch (error) {
    // Nothing was sent: the invitation goes (and does not count toward the day's cap); the owner can try again.
    await pool().query(`DELETE FROM team_invitations WHERE id = $1`, [created.id]);
    logger.error(`team invitation ${created.id}: the email could not be sent`, error);
    throw new AppError("internal_error", "We couldn't send the invitation email just now. Nothing was sent; please try again in a moment.");
  }
  // Sent: an older pending invitation of the same address stops working (only older ones, so two invitations
  // sent at the same moment cannot revoke each other).
  const older = await pool().query(
    `UPDATE team_invitations SET revoked_at = now()
      WHERE team_id = $1 AND email = $2 AND id <> $3 AND created_at < $4
        AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
    [teamId, input.email, created.id, created.created_at],
  );
  return {
    invitation: {
      id: created.id,
      email: input.email,
      role: input.role,
      invited_by: inviter.email,
      created_at: created.created_at.toISOString(),
      expires_at: created.expires_at.toISOString(),
    },
    resent: (older.rowCount ?? 0) > 0,
  };
}

async function sendInvitationEmail(
  token: string,
  invitationId: string,
  props: { teamName: string; inviter: string; role: Role; email: string },
): Promise<void> {
  const email = { ...props, url: inviteUrl(token), expiresInDays: INVITATION_DAYS };
  await sendEmail({
    to: props.email,
    subject: `${props.inviter} invited you to ${props.teamName} on WaitForge`,
    html: await render(TeamInvitationEmail(email)),
    text: teamInvitationText(email),
    idempotencyKey: `team-invitation:${invitationId}`,
  });
}

/**
 * `by` (still an owner, checked under the team's lock) revokes a pending invitation of the team: its link stops
 * working at once. Unknown or no longer pending: 404.
 */
export async function revokeInvitation(teamId: string, by: string, invitationId: string): Promise<{ email: string }> {
  return withTransaction(async (client) => {
    await lockTeam(client, teamId);
    await assertStillOwner(client, teamId, by);
    const { rows } = await client.query<{ email: string }>(
      `UPDATE team_invitations SET revoked_at = now()
        WHERE id = $1 AND team_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING email`,
      [invitationId, teamId],
    );
    if (!rows[0]) throw new AppError("not_found", "No pending invitation with this id in this team.");
    return rows[0];
  });
}

export type InvitationPreview = { teamName: string; inviter: string | null; role: Role; email: string; expiresAt: string };

/** What the invitation page shows for a link; null when it is unknown, used, revoked or expired (one answer for all). */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  if (!INVITE_TOKEN.test(token)) return null;
  const { rows } = await pool().query<{ team_name: string; inviter: string | null; role: string; email: string; expires_at: Date }>(
    `SELECT t.name AS team_name, COALESCE(NULLIF(btrim(u.name), ''), u.email) AS inviter, i.role, i.email, i.expires_at
       FROM team_invitations i
       JOIN teams t ON t.id = i.team_id
       JOIN users u ON u.id = i.invited_by
       -- Only while the inviter is still an owner there: accepting refuses it otherwise, so the page does too.
       JOIN team_members m ON m.team_id = i.team_id AND m.user_id = i.invited_by AND m.role = 'owner'
      WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`,
    [hashInviteToken(token)],
  );
  const r = rows[0];
  if (!r || !isRole(r.role)) return null;
  return { teamName: r.team_name, inviter: r.inviter, role: r.role, email: r.email, expiresAt: r.expires_at.toISOString() };
}

export type Accepted = { teamId: string; teamName: string; role: Role; alreadyMember: boolean };

/**
 * Accepts an invitation for the signed-in person, in one transaction under the team's row lock (the lock every
 * member change takes, so the inviter's role cannot change meanwhile): the invitation must still be pending,
 * its inviter still an owner of the team, and it must be addressed to the person; then it is claimed and the
 * membership added (an existing membership and its role stay). Unknown, used, revoked or expired, or sent by
 * someone who is no longer an owner there: 410 invitation_invalid. Another address: 403. Refused: nothing changes.
 */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<Accepted> {
  if (!INVITE_TOKEN.test(token)) throw invalidInvitation();
  const hash = hashInviteToken(token);
  return withTransaction(async (client) => {
    // The team first, then the invitation: the order member changes take them in (they revoke invitations).
    const found = await client.query<{ team_id: string }>(`SELECT team_id FROM team_invitations WHERE token_hash = $1`, [hash]);
    const teamId = found.rows[0]?.team_id;
    if (!teamId) throw invalidInvitation();
    const locked = await client.query(`SELECT 1 FROM teams WHERE id = $1 FOR UPDATE`, [teamId]);
    if (!locked.rowCount) throw invalidInvitation();
    const { rows } = await client.query<{ id: string; email: string; role: string; inviter_role: string | null }>(
      `SELECT i.id, i.email, i.role, m.role AS inviter_role
         FROM team_invitations i
         LEFT JOIN team_members m ON m.team_id = i.team_id AND m.user_id = i.invited_by
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
          FOR UPDATE OF i`,
      [hash],
    );
    const invitation = rows[0];
    if (!invitation) throw invalidInvitation();
    // Checked before the address, like expiry: such a link is dead for everyone.
    if (invitation.inviter_role !== "owner") {
      throw new AppError(
        "invitation_invalid",
        "This invitation is not valid any more: the person who sent it is no longer an owner of the team. Ask one of the team's owners for a new invitation.",
      );
    }
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError(
        "invitation_wrong_account",
        `This invitation is for ${invitation.email}, but you are signed in as ${user.email}. Sign out and sign in with ${invitation.email} to accept it.`,
      );
    }
    await client.query(`UPDATE team_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [invitation.id, user.id]);
    const role: Role = isRole(invitation.role) ? invitation.role : "viewer";
    const inserted = await client.query(
      `INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (team_id, user_id) DO NOTHING`,
      [teamId, user.id, role],
    );
    const member = await client.query<{ name: string; role: Role }>(
      `SELECT t.name, m.role FROM teams t JOIN team_members m ON m.team_id = t.id AND m.user_id = $2 WHERE t.id = $1`,
      [teamId, user.id],
    );
    return { teamId, teamName: member.rows[0]!.name, role: member.rows[0]!.role, alreadyMember: inserted.rowCount === 0 };
  });
}

export function invalidInvitation(): AppError {
  return new AppError(
    "invitation_invalid",
    "This invitation link is not valid any more: it was used, revoked or has expired. Ask the team's owner for a new one.",
  );
}
