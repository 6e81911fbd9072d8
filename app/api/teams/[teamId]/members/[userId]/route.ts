import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { AppError } from "@/lib/errors";
import { changeMemberRole, removeMember } from "@/lib/teams/mutations";
import { memberIdParam, requireTeamParam } from "@/lib/teams/params";
import { listMembers } from "@/lib/teams/queries";
import { memberRoleSchema } from "@/lib/teams/schemas";

export const dynamic = "force-dynamic";

type Params = { teamId: string; userId: string };

/**
 * Changes a member's role (owners only, checked again under the team's lock; the last owner, and the person whose
 * personal team it is, keep theirs: 409). Session only. Demoted to viewer: their read-write keys are revoked; no
 * longer an owner: their pending invitations are revoked (the audit record counts both).
 */
export const PATCH = ownerRoute<Params>(
  async (req, { access, params, user, audit }) => {
    const { teamId } = await requireTeamParam(access, params.teamId);
    const userId = memberIdParam(params.userId);
    const { role } = await parseJsonBody(req, memberRoleSchema);
    const changed = await changeMemberRole(teamId, user!.id, userId, role);
    audit({ role: changed.role, previous_role: changed.previous, keys_revoked: changed.keysRevoked, invitations_revoked: changed.invitationsRevoked });
    const member = (await listMembers(teamId, user!.id)).find((m) => m.user_id === userId);
    if (!member) throw new AppError("not_found", "No such member in this team.");
    return jsonOk({ ok: true, member });
  },
  { keys: false, role: "owner" },
);

/**
 * Removes a member (owners), or leaves the team (anyone, their own id). Nobody leaves their personal team and
 * the last owner stays (409). Session only. The least role is viewer so that anyone may leave; removing
 * someone else is checked for an owner here and again under the team's lock. The API keys the person created and
 * the invitations they sent in this team are revoked with it (counted in the audit record).
 */
export const DELETE = ownerRoute<Params>(
  async (_req, { access, params, user, audit }) => {
    const { teamId, role } = await requireTeamParam(access, params.teamId);
    const userId = memberIdParam(params.userId);
    const self = userId === user!.id;
    if (!self && role !== "owner") {
      throw new AppError("forbidden", `You are ${role === "admin" ? "an admin" : "a viewer"} in this team; removing someone needs an owner.`);
    }
    const removed = await removeMember(teamId, user!.id, userId);
    audit({ left: self, role: removed.role, keys_revoked: removed.keysRevoked, invitations_revoked: removed.invitationsRevoked });
    return jsonOk({ ok: true, left: self });
  },
  { keys: false, role: "viewer" },
);
