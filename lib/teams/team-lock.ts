import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/teams/roles";

// The team's row lock and what is checked under it (docs/teams.md). Every change of members, invitations and
// the team's settings takes `SELECT … FROM teams WHERE id = $1 FOR UPDATE` first, so those changes of one team
// run one after the other. The route's gate read the caller's role when the request began; a co-owner may have
// demoted or removed them since, so owner-only changes read it again here, after the lock, where it can no longer
// change until the transaction ends.

export type LockedTeam = { name: string; personalOf: string | null };

/** Locks the team's row for the rest of the transaction; 404 when there is no such team. */
export async function lockTeam(client: pg.PoolClient, teamId: string): Promise<LockedTeam> {
  const { rows } = await client.query<{ name: string; personal_of: string | null }>(
    `SELECT name, personal_of FROM teams WHERE id = $1 FOR UPDATE`,
    [teamId],
  );
  if (!rows[0]) throw new AppError("not_found", "No team with this id in your account.");
  return { name: rows[0].name, personalOf: rows[0].personal_of };
}

/** A member's role under the lock, or null when they are not (any more) in the team. */
export async function roleUnderLock(client: pg.PoolClient, teamId: string, userId: string): Promise<Role | null> {
  const { rows } = await client.query<{ role: Role }>(`SELECT role FROM team_members WHERE team_id = $1 AND user_id = $2`, [teamId, userId]);
  return rows[0]?.role ?? null;
}

/** 403 `forbidden` unless `userId` is still an owner of the team (call after lockTeam). */
export async function assertStillOwner(client: pg.PoolClient, teamId: string, userId: string): Promise<void> {
  const role = await roleUnderLock(client, teamId, userId);
  if (role === "owner") return;
  throw new AppError(
    "forbidden",
    role
      ? `You are ${role === "admin" ? "an admin" : "a viewer"} in this team now (your role changed a moment ago); this needs an owner.`
      : "You are no longer a member of this team (you were removed a moment ago); this needs an owner.",
  );
}
