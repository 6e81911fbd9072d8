import "server-only";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TeamAccess } from "@/lib/teams/access";
import { isRole, type Role } from "@/lib/teams/roles";
import type { InvitationView, MemberView, TeamSummary, TeamView } from "@/lib/teams/schemas";

// Reads of teams, members and pending invitations (docs/teams.md). Every read is scoped by a team id the route
// has already checked the caller against (lib/teams/access.ts), so none of these look at who is asking except
// to mark "you".

type Plan = TeamSummary["plan"];
const plan = (value: string): Plan => (value === "PRO" ? "PRO" : "FREE");
const role = (value: string): Role => (isRole(value) ? value : "viewer");

/** The caller's teams (a key: its own team only), in the order they joined, with each team's plan. */
export async function listTeams(access: TeamAccess): Promise<TeamSummary[]> {
  const ids = access.memberships.map((m) => m.teamId);
  if (ids.length === 0) return [];
  const { rows } = await pool().query<{ id: string; plan: string }>(`SELECT id, plan::text AS plan FROM teams WHERE id = ANY($1::text[])`, [ids]);
  const plans = new Map(rows.map((r) => [r.id, plan(r.plan)]));
  return access.memberships
    .filter((m) => plans.has(m.teamId))
    .map((m) => ({ id: m.teamId, name: m.name, role: m.role, personal: m.personal, plan: plans.get(m.teamId)! }));
}

/** One team as its members see it; `userId` (null for a key) decides `personal`. */
export async function getTeam(teamId: string, yourRole: Role, userId: string | null): Promise<TeamView> {
  const { rows } = await pool().query<{
    id: string;
    name: string;
    personal_of: string | null;
    plan: string;
    viewers_can_export: boolean;
    member_count: number;
  }>(
    `SELECT t.id, t.name, t.personal_of, t.plan::text AS plan, t.viewers_can_export,
            (SELECT count(*)::int FROM team_members m WHERE m.team_id = t.id) AS member_count
       FROM teams t WHERE t.id = $1`,
    [teamId],
  );
  const t = rows[0];
  if (!t) throw new AppError("not_found", "No team with this id in your account.");
  return {
    id: t.id,
    name: t.name,
    personal: userId !== null && t.personal_of === userId,
    plan: plan(t.plan),
    viewers_can_export: t.viewers_can_export,
    your_role: yourRole,
    member_count: t.member_count,
  };
}

/** The team's members: owners first, then admins, then viewers, each by when they joined. */
export async function listMembers(teamId: string, userId: string | null): Promise<MemberView[]> {
  const { rows } = await pool().query<{
    user_id: string;
    email: string;
    name: string | null;
    role: string;
    joined_at: Date;
    personal: boolean;
  }>(
    `SELECT m.user_id, u.email, u.name, m.role, m.created_at AS joined_at, (t.personal_of = m.user_id) AS personal
       FROM team_members m
       JOIN users u ON u.id = m.user_id
       JOIN teams t ON t.id = m.team_id
      WHERE m.team_id = $1
      ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, m.created_at, m.user_id`,
    [teamId],
  );
  return rows.map((r) => ({
    user_id: r.user_id,
    email: r.email,
    name: r.name,
    role: role(r.role),
    joined_at: r.joined_at.toISOString(),
    you: r.user_id === userId,
    personal: r.personal === true,
  }));
}

/** Invitations still waiting for an answer (not accepted, revoked or expired), newest first. */
export async function listPendingInvitations(teamId: string): Promise<InvitationView[]> {
  const { rows } = await pool().query<{
    id: string;
    email: string;
    role: string;
    invited_by: string | null;
    created_at: Date;
    expires_at: Date;
  }>(
    `SELECT i.id, i.email, i.role, u.email AS invited_by, i.created_at, i.expires_at
       FROM team_invitations i
       LEFT JOIN users u ON u.id = i.invited_by
      WHERE i.team_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      ORDER BY i.created_at DESC, i.id`,
    [teamId],
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: role(r.role),
    invited_by: r.invited_by,
    created_at: r.created_at.toISOString(),
    expires_at: r.expires_at.toISOString(),
  }));
}

/** The owners of a team, for "ask an owner" hints to admins and viewers. */
export async function teamOwnerEmails(teamId: string): Promise<string[]> {
  const { rows } = await pool().query<{ email: string }>(
    `SELECT u.email FROM team_members m JOIN users u ON u.id = m.user_id
      WHERE m.team_id = $1 AND m.role = 'owner' ORDER BY m.created_at, m.user_id`,
    [teamId],
  );
  return rows.map((r) => r.email);
}
