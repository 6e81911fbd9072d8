import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { requireTeamParam } from "@/lib/teams/params";
import { listMembers } from "@/lib/teams/queries";

export const dynamic = "force-dynamic";

/** The team's members with their roles. Any member (and the team's own keys). */
export const GET = ownerRoute<{ teamId: string }>(async (_req, { access, params, user }) => {
  const { teamId } = await requireTeamParam(access, params.teamId);
  return jsonOk({ ok: true, members: await listMembers(teamId, user?.id ?? null) });
});
