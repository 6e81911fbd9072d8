import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { rotateSecret } from "@/lib/webhooks/endpoints";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// POST: a new signing secret, in this answer only; the previous one keeps signing for 24 hours.
export const POST = ownerRoute<{ id: string; endpointId: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const { endpoint, secret } = await rotateSecret(waitlist.team_id, waitlist.id, params.endpointId);
  return jsonOk({ ok: true, endpoint, secret });
});
