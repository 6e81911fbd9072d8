import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { lookupInviteCode } from "@/lib/invitations/queries";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

/** For the owner's app: is this invite code one of this list's, whose, and are they invited or joined. */
export const GET = ownerRoute<{ id: string; code: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, ...(await lookupInviteCode(waitlist.id, params.code)) });
});
