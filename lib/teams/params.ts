import "server-only";
import { AppError } from "@/lib/errors";
import { requireTeam, type TeamAccess } from "@/lib/teams/access";
import type { Role } from "@/lib/teams/roles";
import { teamIdSchema } from "@/lib/teams/schemas";

// Path parameters of the team routes (app/api/teams/[teamId]/**). Anything that is not an id at all is the same
// 404 as a team the caller is not in, so the answer never says which ids exist.

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team named in the path, checked against the caller's memberships and the route's least role. */
export async function requireTeamParam(access: TeamAccess, raw: string): Promise<{ teamId: string; role: Role }> {
  if (!teamIdSchema.safeParse(raw).success) throw new AppError("not_found", "No team with this id in your account.");
  return requireTeam(access, raw);
}

export function memberIdParam(raw: string): string {
  if (!USER_ID.test(raw)) throw new AppError("not_found", "No such member in this team.");
  return raw;
}

export function invitationIdParam(raw: string): string {
  if (!UUID.test(raw)) throw new AppError("not_found", "No pending invitation with this id in this team.");
  return raw;
}
