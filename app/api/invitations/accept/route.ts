import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { markResolved } from "@/lib/teams/access";
import { teamCookieHeader } from "@/lib/teams/cookie";
import { acceptInvitation } from "@/lib/teams/invitations";
import { acceptInvitationSchema } from "@/lib/teams/schemas";

export const dynamic = "force-dynamic";

/**
 * Accepts a team invitation for the signed-in person (session only; any signed-in person, since they are not
 * in the team yet). Used, revoked, expired or unknown: 410 invitation_invalid; invited another address: 403
 * invitation_wrong_account, nothing changes. Already a member: 200, the invitation is used up and the role
 * they have stays. The joined team becomes the dashboard's current team.
 */
export const POST = ownerRoute(
  async (req, { access, user }) => {
    const { token } = await parseJsonBody(req, acceptInvitationSchema);
    const accepted = await acceptInvitation(token, user!);
    // The gate checked no team (the caller was not in it): the audit record belongs to the joined team.
    markResolved(access, accepted.teamId, accepted.role);
    return jsonOk(
      { ok: true, team: { id: accepted.teamId, name: accepted.teamName }, role: accepted.role, already_member: accepted.alreadyMember },
      { headers: { "Set-Cookie": teamCookieHeader(accepted.teamId) } },
    );
  },
  // Any signed-in person holding the invitation for their own address; the invitation is the check.
  { keys: false, role: "viewer" },
);
