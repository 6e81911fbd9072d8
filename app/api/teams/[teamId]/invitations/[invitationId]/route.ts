import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { revokeInvitation } from "@/lib/teams/invitations";
import { invitationIdParam, requireTeamParam } from "@/lib/teams/params";

export const dynamic = "force-dynamic";

/** Revokes a pending invitation: its link stops working at once. Owners only (checked again under the team's lock), session only. */
export const DELETE = ownerRoute<{ teamId: string; invitationId: string }>(
  async (_req, { access, params, user, audit }) => {
    const { teamId } = await requireTeamParam(access, params.teamId);
    const revoked = await revokeInvitation(teamId, user!.id, invitationIdParam(params.invitationId));
    audit({ email: revoked.email });
    return jsonOk({ ok: true });
  },
  { keys: false, role: "owner" },
);
