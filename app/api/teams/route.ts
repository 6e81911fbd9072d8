import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { markResolved } from "@/lib/teams/access";
import { teamCookieHeader } from "@/lib/teams/cookie";
import { createTeam } from "@/lib/teams/mutations";
import { getTeam, listTeams } from "@/lib/teams/queries";
import { createTeamSchema } from "@/lib/teams/schemas";

export const dynamic = "force-dynamic";

// The caller's teams (docs/teams.md). Any signed-in person, or a key (which sees only its own team).
export const GET = ownerRoute(async (_req, { access }) => {
  return jsonOk({ ok: true, teams: await listTeams(access), current_team_id: access.currentTeamId });
});

/** A new team with the caller as its owner; it becomes the dashboard's current team. Session only. */
export const POST = ownerRoute(
  async (req, { access, user }) => {
    const input = await parseJsonBody(req, createTeamSchema);
    const created = await createTeam(user!.id, input);
    // The gate checked no team (the new one did not exist): its audit record belongs to the new team.
    markResolved(access, created.id, "owner");
    const team = await getTeam(created.id, "owner", user!.id);
    return jsonOk({ ok: true, team }, { status: 201, headers: { "Set-Cookie": teamCookieHeader(created.id) } });
  },
  // Any signed-in person may start a team (they become its owner); no existing team is checked.
  { keys: false, role: "viewer" },
);
