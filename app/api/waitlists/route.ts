import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody, parseQuery } from "@/lib/api/owner-route";
import { requireTeam } from "@/lib/teams/access";
import { teamQuerySchema } from "@/lib/teams/schemas";
import { createWaitlist } from "@/lib/waitlists/mutations";
import { listTeamWaitlists } from "@/lib/waitlists/queries";
import { createWaitlistSchema } from "@/lib/waitlists/schemas";

export const dynamic = "force-dynamic";

/** The waitlists of one team: `?team_id=`, else the dashboard's chosen team (a key: its own team). */
export const GET = ownerRoute(async (req, { access }) => {
  const { teamId } = await requireTeam(access, parseQuery(req, teamQuerySchema).team_id);
  return jsonOk({ ok: true, waitlists: await listTeamWaitlists(teamId) });
});

export const POST = ownerRoute(async (req, { access, user, audit }) => {
  const input = await parseJsonBody(req, createWaitlistSchema);
  const { teamId } = await requireTeam(access, input.team_id);
  const waitlist = await createWaitlist(teamId, user?.id ?? null, input);
  audit({ waitlist_id: waitlist.id, slug: waitlist.slug });
  return jsonOk({ ok: true, waitlist }, { status: 201 });
});
