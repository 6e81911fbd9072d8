import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { render } from "@react-email/components";
import { pool, withTransaction } from "@/lib/db";
import { sendEmail } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { TeamInvitationEmail, teamInvitationText } from "@/lib/teams/invitation-email";
import { isRole, type Role } from "@/lib/teams/roles";
import { INVITATION_DAYS, INVITE_TOKEN, type InvitationView, type InviteInput } from "@/lib/teams/schemas";

// Emailed invitations into a team (docs/teams.md). The link carries 32 random bytes (base64url); only their
// sha256 is stored, so the table cannot be turned back into working links. A link works once, for
// INVITATION_DAYS, until revoked, and only for the invited address (compared case-insensitively). A team may
// send TEAM_INVITES_PER_DAY in any 24 hours (re-sends included). Inviting an address that already has a pending
// invitation sends a fresh link and revokes the older one (the owner's "re-send").

const DAY_MS = 86_400_000;

export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function inviteUrl(token: string): string {
  return `${env().appOrigin}/invite/${token}`;
}

type Inviter = { userId: string; email: string };

/** Creates an invitation and emails its link; answers it (never the token) and whether it replaced a pending one. */
export async function createInvitation(teamId: string, inviter: Inviter, input: InviteInput): Promise<{ invitation: InvitationView; resent: boolean }> {
  const token = randomBytes(32).toString("base64url");
  const created = await withTransaction(async (client) => {
    // The team's row lock serialises invitations of one team, so two at once cannot both slip under the cap.
    const team = await client.query<{ name: string }>(`SELECT name FROM teams WHERE id = $1 FOR UPDATE`, [teamId]);
    if (!team.rows[0]) throw new AppError("not_found", "No team with this id in your account.");
    const member = await client.query(
      `SELECT 1 FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 AND lower(u.email) = $2`,
      [teamId, input.email],
    );
    if (member.rowCount) throw new AppError("conflict", `${input.email} is already a member of this team.`, "email");
    await assertUnderDailyCap(client, teamId);
    const { rows } = await client.query<{ id: string; created_at: Date; expires_at: Date }>(
      `INSERT INTO team_invitations (team_id, email, role, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
       RETURNING id, created_at, expires_at`,
      [teamId, input.email, input.role, hashInviteToken(token), inviter.userId, INVITATION_DAYS],
    );
    return { ...rows[0]!, teamName: team.rows[0].name };
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

async function assertUnderDailyCap(client: import("pg").PoolClient, teamId: string): Promise<void> {
  const cap = env().TEAM_INVITES_PER_DAY;
  // The cap-th newest invitation of the last 24 hours: when there is one, the team is at the cap until it ages out.
  const { rows } = await client.query<{ wait: number }>(
    `SELECT ceil(extract(epoch FROM created_at + interval '24 hours' - now()))::int AS wait
       FROM team_invitations WHERE team_id = $1 AND created_at > now() - interval '24 hours'
      ORDER BY created_at DESC OFFSET $2 LIMIT 1`,
    [teamId, cap - 1],
  );
  if (rows[0]) {
    const wait = Math.max(1, Math.min(DAY_MS / 1000, rows[0].wait));
    throw new AppError(
      "rate_limited",
      `This team has sent ${cap} invitations in the last 24 hours, the most it may. Try again in ${describeWait(wait)}.`,
      undefined,
      { "Retry-After": String(wait) },
    );
  }
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

/** Revokes a pending invitation of the team: its link stops working at once. Unknown or no longer pending: 404. */
export async function revokeInvitation(teamId: string, invitationId: string): Promise<{ email: string }> {
  const { rows } = await pool().query<{ email: string }>(
    `UPDATE team_invitations SET revoked_at = now()
      WHERE id = $1 AND team_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING email`,
    [invitationId, teamId],
  );
  if (!rows[0]) throw new AppError("not_found", "No pending invitation with this id in this team.");
  return rows[0];
}

export type InvitationPreview = { teamName: string; inviter: string | null; role: Role; email: string; expiresAt: string };

/** What the invitation page shows for a link; null when it is unknown, used, revoked or expired (one answer for all). */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  if (!INVITE_TOKEN.test(token)) return null;
  const { rows } = await pool().query<{ team_name: string; inviter: string | null; role: string; email: string; expires_at: Date }>(
    `SELECT t.name AS team_name, COALESCE(NULLIF(btrim(u.name), ''), u.email) AS inviter, i.role, i.email, i.expires_at
       FROM team_invitations i
       JOIN teams t ON t.id = i.team_id
       LEFT JOIN users u ON u.id = i.invited_by
      WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`,
    [hashInviteToken(token)],
  );
  const r = rows[0];
  if (!r || !isRole(r.role)) return null;
  return { teamName: r.team_name, inviter: r.inviter, role: r.role, email: r.email, expiresAt: r.expires_at.toISOString() };
}

export type Accepted = { teamId: string; teamName: string; role: Role; alreadyMember: boolean };

/**
 * Accepts an invitation for the signed-in person, in one transaction: the row is claimed only while it is
 * still pending and addressed to them, then the membership is added (an existing membership and its role stay).
 * Unknown, used, revoked or expired: 410 invitation_invalid. Another address: 403 and nothing changes.
 */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<Accepted> {
  if (!INVITE_TOKEN.test(token)) throw invalidInvitation();
  const hash = hashInviteToken(token);
  const email = user.email.toLowerCase();
  return withTransaction(async (client) => {
    const claimed = await client.query<{ team_id: string; role: string }>(
      `UPDATE team_invitations SET accepted_at = now(), accepted_by = $2
        WHERE token_hash = $1 AND lower(email) = $3 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING team_id, role`,
      [hash, user.id, email],
    );
    const invitation = claimed.rows[0];
    if (!invitation) {
      const { rows } = await client.query<{ email: string }>(
        `SELECT email FROM team_invitations
          WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
        [hash],
      );
      if (rows[0]) {
        throw new AppError(
          "invitation_wrong_account",
          `This invitation is for ${rows[0].email}, but you are signed in as ${user.email}. Sign out and sign in with ${rows[0].email} to accept it.`,
        );
      }
      throw invalidInvitation();
    }
    const role: Role = isRole(invitation.role) ? invitation.role : "viewer";
    const inserted = await client.query(
      `INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (team_id, user_id) DO NOTHING`,
      [invitation.team_id, user.id, role],
    );
    const { rows } = await client.query<{ name: string; role: Role }>(
      `SELECT t.name, m.role FROM teams t JOIN team_members m ON m.team_id = t.id AND m.user_id = $2 WHERE t.id = $1`,
      [invitation.team_id, user.id],
    );
    return { teamId: invitation.team_id, teamName: rows[0]!.name, role: rows[0]!.role, alreadyMember: inserted.rowCount === 0 };
  });
}

export function invalidInvitation(): AppError {
  return new AppError(
    "invitation_invalid",
    "This invitation link is not valid any more: it was used, revoked or has expired. Ask the team's owner for a new one.",
  );
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}
