import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { createPortal } from "@/lib/billing/checkout";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

/** Opens Stripe's customer portal for this waitlist's subscription. */
// Session only (keys: false): a leaked API key must not reach payment methods or the subscription.
export const POST = ownerRoute<{ id: string }>(async (_req, { owner, params }) => {
  const waitlist = await requireOwnedWaitlist(owner.id, params.id);
  return jsonOk({ ok: true, url: await createPortal(waitlist.id) });
}, { keys: false });
