import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { sendTestEvent } from "@/lib/webhooks/endpoints";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// POST: queues a `webhook.test` event to this endpoint; it shows in the delivery log like any other.
export const POST = ownerRoute<{ id: string; endpointId: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const deliveryId = await sendTestEvent(waitlist.team_id, waitlist.id, params.endpointId);
  return jsonOk({ ok: true, delivery_id: deliveryId }, { status: 202 });
});
