import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { AppError } from "@/lib/errors";
import { teamCookieHeader } from "@/lib/teams/cookie";
import { switchTeamSchema } from "@/lib/teams/schemas";

export const dynamic = "force-dynamic";

/**
 * Picks the dashboard's current team (the `waitforge_team` cookie). Session only; not audited (it changes the
 * person's view, not the team). A team the caller is not in is a 404 like any unknown id.
 */
export const PUT = ownerRoute(
  async (req, { access }) => {
    const { team_id } = await parseJsonBody(req, switchTeamSchema);
    if (!access.memberships.some((m) => m.teamId === team_id)) throw new AppError("not_found", "No team with this id in your account.");
    return jsonOk({ ok: true, current_team_id: team_id }, { headers: { "Set-Cookie": teamCookieHeader(team_id) } });
  },
  { keys: false, audit: false, role: "viewer" },
);
