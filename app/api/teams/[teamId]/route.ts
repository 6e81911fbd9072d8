import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { updateTeam } from "@/lib/teams/mutations";
import { requireTeamParam } from "@/lib/teams/params";
import { getTeam } from "@/lib/teams/queries";
import { updateTeamSchema } from "@/lib/teams/schemas";

export const dynamic = "force-dynamic";

type Params = { teamId: string };

/** The team as its members see it. Any member (and the team's own keys). */
export const GET = ownerRoute<Params>(async (_req, { access, params, user }) => {
  const { teamId, role } = await requireTeamParam(access, params.teamId);
  return jsonOk({ ok: true, team: await getTeam(teamId, role, user?.id ?? null) });
});

/** Renames the team and/or lets viewers export personal data. Owners only (session; checked again under the team's lock). */
export const PATCH = ownerRoute<Params>(
  async (req, { access, params, user }) => {
    const { teamId, role } = await requireTeamParam(access, params.teamId);
    const input = await parseJsonBody(req, updateTeamSchema);
    await updateTeam(teamId, user!.id, input);
    return jsonOk({ ok: true, team: await getTeam(teamId, role, user?.id ?? null) });
  },
  { keys: false, role: "owner" },
);
