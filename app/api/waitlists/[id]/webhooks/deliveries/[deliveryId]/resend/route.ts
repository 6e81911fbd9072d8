import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { resendDelivery } from "@/lib/webhooks/deliveries";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// POST: sends this delivery again (same webhook-id), with a fresh retry window; 409 while its endpoint is disabled.
export const POST = ownerRoute<{ id: string; deliveryId: string }>(async (_req, { owner, params }) => {
  const waitlist = await requireOwnedWaitlist(owner.id, params.id);
  await resendDelivery(owner.id, waitlist.id, params.deliveryId);
  return jsonOk({ ok: true }, { status: 202 });
});
