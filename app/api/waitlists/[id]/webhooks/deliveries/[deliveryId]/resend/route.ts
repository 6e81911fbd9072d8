import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { resendDelivery } from "@/lib/webhooks/deliveries";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// POST: sends this delivery again (same webhook-id), with a fresh retry window; 409 while its endpoint is disabled.
export const POST = ownerRoute<{ id: string; deliveryId: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  await resendDelivery(waitlist.team_id, waitlist.id, params.deliveryId);
  return jsonOk({ ok: true }, { status: 202 });
});
