import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { createCheckout } from "@/lib/billing/checkout";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

/** Starts Stripe Checkout for this waitlist's Pro subscription; the dashboard redirects to `url`. */
// Session only (keys: false): a leaked API key must not reach payment methods or the subscription.
export const POST = ownerRoute<{ id: string }>(async (_req, { owner, params }) => {
  const waitlist = await requireOwnedWaitlist(owner.id, params.id);
  return jsonOk({ ok: true, url: await createCheckout(waitlist.id, owner.email) });
}, { keys: false });
