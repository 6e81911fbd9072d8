import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { createCheckout } from "@/lib/billing/checkout";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

/** Starts Stripe Checkout for the Pro subscription of this waitlist's team (team owners; Pro applies to all the team's lists); the dashboard redirects to `url`. */
// Session only (keys: false): a leaked API key must not reach payment methods or the subscription.
export const POST = ownerRoute<{ id: string }>(async (_req, { access, user, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, url: await createCheckout(waitlist.team_id, user!.email, `/dashboard/w/${waitlist.id}`) });
}, { keys: false, role: "owner" });
