import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { createInvitation } from "@/lib/teams/invitations";
import { requireTeamParam } from "@/lib/teams/params";
import { listPendingInvitations } from "@/lib/teams/queries";
import { inviteSchema } from "@/lib/teams/schemas";

export const dynamic = "force-dynamic";

type Params = { teamId: string };

/** Pending invitations (not accepted, revoked or expired). Admins and owners (and the team's write keys). */
export const GET = ownerRoute<Params>(
  async (_req, { access, params }) => {
    const { teamId } = await requireTeamParam(access, params.teamId);
    return jsonOk({ ok: true, invitations: await listPendingInvitations(teamId) });
  },
  { role: "admin" },
);

/**
 * Invites an address with a role and emails it the link (never answered: only the invitee gets it). Owners
 * only (checked again under the team's lock), session only; caps in any 24 hours: TEAM_INVITES_PER_DAY a team,
 * 50 a person across teams, 3 an address across teams (429). A member's address: 409. An address with a pending
 * invitation gets a fresh link and the old one stops working (`resent: true`).
 */
export const POST = ownerRoute<Params>(
  async (req, { access, params, user, audit }) => {
    const { teamId } = await requireTeamParam(access, params.teamId);
    const input = await parseJsonBody(req, inviteSchema);
    const created = await createInvitation(teamId, { userId: user!.id, email: user!.email }, input);
    audit({ email: input.email, role: input.role, resent: created.resent });
    return jsonOk({ ok: true, ...created }, { status: 201 });
  },
  { keys: false, role: "owner" },
);
