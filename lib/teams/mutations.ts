import "server-only";
import type pg from "pg";
import { withTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { revokeInvitationsSentBy, revokeKeysCreatedBy } from "@/lib/teams/offboarding";
import type { Role } from "@/lib/teams/roles";
import type { CreateTeamInput, UpdateTeamInput } from "@/lib/teams/schemas";
import { assertStillOwner, lockTeam, roleUnderLock } from "@/lib/teams/team-lock";

// Changes to teams and their members (docs/teams.md). The rules that hold whatever runs at the same time:
// - a team always keeps at least one owner: the last owner can't be demoted, leave or be removed;
// - a personal team always keeps its person as an owner: they can't leave it, be removed or be demoted there;
// - only a current owner changes others: `by` is checked again under the lock (lib/teams/team-lock.ts);
// - what a member's old power left behind goes with it, in the same transaction (lib/teams/offboarding.ts).
// Every member change takes the team's row lock first, so two owners demoting each other at once run one after
// the other and the second sees the first's change: it is refused (no longer an owner, or the last owner).

const NOT_A_MEMBER = "No such member in this team.";

/** What a role change or removal took away with it (for the audit log). */
export type Offboarded = { keysRevoked: number; invitationsRevoked: number };

/** A new team with its creator as the only owner. */
export async function createTeam(userId: string, input: CreateTeamInput): Promise<{ id: string; name: string }> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; name: string }>(`INSERT INTO teams (name) VALUES ($1) RETURNING id, name`, [input.name]);
    const team = rows[0]!;
    await client.query(`INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, 'owner')`, [team.id, userId]);
    return team;
  });
}

/** Renames the team and/or sets whether viewers may export personal data; `by` must still be an owner. */
export async function updateTeam(teamId: string, by: string, input: UpdateTeamInput): Promise<void> {
  await withTransaction(async (client) => {
    await lockTeam(client, teamId);
    await assertStillOwner(client, teamId, by);
    await client.query(
      `UPDATE teams SET name = COALESCE($2, name), viewers_can_export = COALESCE($3, viewers_can_export), updated_at = now()
        WHERE id = $1`,
      [teamId, input.name ?? null, input.viewers_can_export ?? null],
    );
  });
}

/**
 * `by` (an owner) gives a member another role. Refused (409): demoting the last owner, or the person whose
 * personal team it is. Demoted to viewer: their read-write keys are revoked; no longer an owner: the invitations
 * they sent are revoked.
 */
export async function changeMemberRole(
  teamId: string,
  by: string,
  userId: string,
  next: Role,
): Promise<{ role: Role; previous: Role } & Offboarded> {
  return withTransaction(async (client) => {
    const team = await lockTeam(client, teamId);
    await assertStillOwner(client, teamId, by);
    const current = await memberRole(client, teamId, userId);
    if (team.personalOf === userId && next !== "owner") {
      throw new AppError("conflict", await personalTeamRefusal(client, userId, by === userId, "demoted"));
    }
    if (current === "owner" && next !== "owner" && (await ownerCount(client, teamId)) <= 1) {
      throw new AppError("conflict", "This is the team's last owner: make someone else an owner first, then change this role.");
    }
    const offboarded: Offboarded = { keysRevoked: 0, invitationsRevoked: 0 };
    if (current !== next) {
      await client.query(`UPDATE team_members SET role = $3 WHERE team_id = $1 AND user_id = $2`, [teamId, userId, next]);
      if (next === "viewer") offboarded.keysRevoked = await revokeKeysCreatedBy(client, teamId, userId, false);
      if (current === "owner") offboarded.invitationsRevoked = await revokeInvitationsSentBy(client, teamId, userId);
    }
    return { role: next, previous: current, ...offboarded };
  });
}

/**
 * Takes a member out of the team: `by` (a current owner) removing them, or leaving (`by === userId`). Their own
 * personal team and the last owner are refused (409). What they made stays the team's, except the API keys they
 * created and the invitations they sent, which are revoked.
 */
export async function removeMember(teamId: string, by: string, userId: string): Promise<{ role: Role } & Offboarded> {
  const self = by === userId;
  return withTransaction(async (client) => {
    const team = await lockTeam(client, teamId);
    if (!self) await assertStillOwner(client, teamId, by);
    const current = await memberRole(client, teamId, userId);
    if (team.personalOf === userId) {
      throw new AppError(
        "conflict",
        self ? "This is your personal team: you can't leave it. Everyone keeps their personal team." : await personalTeamRefusal(client, userId, false, "removed"),
      );
    }
    if (current === "owner" && (await ownerCount(client, teamId)) <= 1) {
      throw new AppError(
        "conflict",
        self
          ? "You are the team's last owner: make someone else an owner before you leave."
          : "This is the team's last owner: make someone else an owner first.",
      );
    }
    await client.query(`DELETE FROM team_members WHERE team_id = $1 AND user_id = $2`, [teamId, userId]);
    const keysRevoked = await revokeKeysCreatedBy(client, teamId, userId, false);
    const invitationsRevoked = await revokeInvitationsSentBy(client, teamId, userId);
    return { role: current, keysRevoked, invitationsRevoked };
  });
}

/** "X's personal team always keeps X as an owner": X by address, so the owner who tried knows who is meant. */
async function personalTeamRefusal(client: pg.PoolClient, userId: string, self: boolean, what: "demoted" | "removed"): Promise<string> {
  if (self) return "This is your personal team: it always keeps you as an owner.";
  const { rows } = await client.query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [userId]);
  const who = rows[0]?.email ?? "This person";
  return `${who}'s personal team always keeps ${who} as an owner: they can't be ${what} here.`;
}

async function memberRole(client: pg.PoolClient, teamId: string, userId: string): Promise<Role> {
  const role = await roleUnderLock(client, teamId, userId);
  if (!role) throw new AppError("not_found", NOT_A_MEMBER);
  return role;
}

async function ownerCount(client: pg.PoolClient, teamId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM team_members WHERE team_id = $1 AND role = 'owner'`, [teamId]);
  return rows[0]?.n ?? 0;
}
