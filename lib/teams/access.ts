import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { roleAtLeast, type Role } from "@/lib/teams/roles";

// Who may act in which team, for one request. Every owner route and dashboard page builds one TeamAccess and
// every check of a team or waitlist goes through `authorizeTeam`: not a member (or a key of another team) is
// 404 exactly like a missing id (no hint that it exists); a member whose role is too low is 403 `forbidden`.
// The route's minimum role (`need`) is declared where the route is (lib/api/owner-route.ts's options).

export type Membership = { teamId: string; name: string; role: Role; personal: boolean };

export type AccessActor =
  | { kind: "session"; userId: string; email: string }
  | { kind: "key"; keyId: string; label: string; scope: "read" | "write" };

export type TeamAccess = {
  actor: AccessActor;
  /** The teams the caller may act in, with their role there. A key: its own team only. */
  memberships: readonly Membership[];
  /** The team picked in the dashboard (cookie), or the key's team; the personal team otherwise. */
  currentTeamId: string;
  /** The least role the route asks for. */
  need: Role;
  /** The route hands out personal data in bulk (the CSV export): viewers only when the team allows it. */
  personalData: boolean;
  /** Set by the check: the team (and waitlist) this request acted on, for the audit log. */
  resolved: { teamId: string; role: Role; waitlistId?: string } | null;
};

export async function membershipsOf(userId: string): Promise<Membership[]> {
  const rows = await db().teamMember.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, name: true, personalOf: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    teamId: r.team.id,
    name: r.team.name,
    role: r.role as Role,
    personal: r.team.personalOf === userId,
  }));
}

/** The team a session acts in when a route names none: the chosen one if still a member, else the personal one. */
export function pickCurrentTeam(memberships: readonly Membership[], chosen: string | null): string | null {
  if (chosen && memberships.some((m) => m.teamId === chosen)) return chosen;
  return (memberships.find((m) => m.personal) ?? memberships[0])?.teamId ?? null;
}

export function roleIn(access: TeamAccess, teamId: string): Role | null {
  return access.memberships.find((m) => m.teamId === teamId)?.role ?? null;
}

/**
 * The check of every team-scoped request. `notFound` is the message of the 404 (the route's own words for "no
 * such thing in your account"). Returns the caller's role there.
 */
export async function authorizeTeam(
  access: TeamAccess,
  teamId: string,
  notFound = "No team with this id in your account.",
  waitlistId?: string,
): Promise<Role> {
  const role = roleIn(access, teamId);
  if (!role) throw new AppError("not_found", notFound);
  if (!roleAtLeast(role, access.need)) throw new AppError("forbidden", refusal(role, access.need, access.actor));
  if (access.personalData && role === "viewer" && access.actor.kind === "session") {
    const team = await db().team.findUnique({ where: { id: teamId }, select: { viewersCanExport: true } });
    if (!team?.viewersCanExport) {
      throw new AppError("forbidden", "Viewers can't export personal data in this team. Ask an owner to allow it, or an admin to export.");
    }
  }
  access.resolved = { teamId, role, ...(waitlistId ? { waitlistId } : {}) };
  return role;
}

/**
 * For a route that acts on a team the caller is not (yet) checked against (creating a team, accepting an
 * invitation): names the team its audit record belongs to.
 */
export function markResolved(access: TeamAccess, teamId: string, role: Role): void {
  access.resolved = { teamId, role };
}

/** The team a team-level route acts in: the one it names (a query or body `team_id`), else the current one. */
export async function requireTeam(access: TeamAccess, teamId?: string | null): Promise<{ teamId: string; role: Role }> {
  const id = teamId ?? access.currentTeamId;
  const role = await authorizeTeam(access, id);
  return { teamId: id, role };
}

function refusal(role: Role, need: Role, actor: AccessActor): string {
  if (actor.kind === "key") {
    return need === "owner"
      ? "API keys can't do this: it needs a team owner signed in to the dashboard."
      : "This API key is read-only; create a read-write key to make changes.";
  }
  const what = need === "owner" ? "an owner" : "an admin or owner";
  return `You are a ${role} in this team; this needs ${what}.`;
}
