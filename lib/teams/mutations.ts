import "server-only";
import type pg from "pg";
import { pool, withTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/teams/roles";
import type { CreateTeamInput, UpdateTeamInput } from "@/lib/teams/schemas";

// Changes to teams and their members (docs/teams.md). Two rules hold whatever runs at the same time:
// - a team always keeps at least one owner: the last owner can't be demoted, leave or be removed;
// - nobody leaves (or is removed from) their own personal team, so everyone always has a team.
// Every member change takes the team's row lock first (SELECT ... FOR UPDATE), so two owners demoting each
// other at once run one after the other and the second sees the first's change: one of them is refused.

const NOT_A_MEMBER = "No such member in this team.";

/** A new team with its creator as the only owner. */
export async function createTeam(userId: string, input: CreateTeamInput): Promise<{ id: string; name: string }> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; name: string }>(`INSERT INTO teams (name) VALUES ($1) RETURNING id, name`, [input.name]);
    const team = rows[0]!;
    await client.query(`INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, 'owner')`, [team.id, userId]);
    return team;
  });
}

/** Renames the team and/or sets whether viewers may export personal data. */
export async function updateTeam(teamId: string, input: UpdateTeamInput): Promise<void> {
  const { rowCount } = await pool().query(
    `UPDATE teams SET name = COALESCE($2, name), viewers_can_export = COALESCE($3, viewers_can_export), updated_at = now()
      WHERE id = $1`,
    [teamId, input.name ?? null, input.viewers_can_export ?? null],
  );
  if (rowCount === 0) throw new AppError("not_found", "No team with this id in your account.");
}

/** Gives a member another role; demoting the last owner is refused (409). */
export async function changeMemberRole(teamId: string, userId: string, next: Role): Promise<{ role: Role; previous: Role }> {
  return withTransaction(async (client) => {
    await lockTeam(client, teamId);
    const current = await memberRole(client, teamId, userId);
    if (current === "owner" && next !== "owner" && (await ownerCount(client, teamId)) <= 1) {
      throw new AppError("conflict", "This is the team's last owner: make someone else an owner first, then change this role.");
    }
    if (current !== next) {
      await client.query(`UPDATE team_members SET role = $3 WHERE team_id = $1 AND user_id = $2`, [teamId, userId, next]);
    }
    return { role: next, previous: current };
  });
}

/**
 * Takes a member out of the team (an owner removing someone, or anyone leaving). Their own personal team and
 * the last owner are refused (409). Nothing else changes: what they made stays the team's.
 */
export async function removeMember(teamId: string, userId: string, self: boolean): Promise<{ role: Role }> {
  return withTransaction(async (client) => {
    const personalOf = await lockTeam(client, teamId);
    const current = await memberRole(client, teamId, userId);
    if (personalOf === userId) {
      throw new AppError(
        "conflict",
        self
          ? "This is your personal team: you can't leave it. Everyone keeps their personal team."
          : "This is their personal team: they can't be removed from it. You can change their role instead.",
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
    return { role: current };
  });
}

/** Locks the team's row for the rest of the transaction; answers whose personal team it is. */
async function lockTeam(client: pg.PoolClient, teamId: string): Promise<string | null> {
  const { rows } = await client.query<{ personal_of: string | null }>(`SELECT personal_of FROM teams WHERE id = $1 FOR UPDATE`, [teamId]);
  if (!rows[0]) throw new AppError("not_found", "No team with this id in your account.");
  return rows[0].personal_of;
}

async function memberRole(client: pg.PoolClient, teamId: string, userId: string): Promise<Role> {
  const { rows } = await client.query<{ role: Role }>(`SELECT role FROM team_members WHERE team_id = $1 AND user_id = $2`, [teamId, userId]);
  if (!rows[0]) throw new AppError("not_found", NOT_A_MEMBER);
  return rows[0].role;
}

async function ownerCount(client: pg.PoolClient, teamId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM team_members WHERE team_id = $1 AND role = 'owner'`, [teamId]);
  return rows[0]?.n ?? 0;
}
