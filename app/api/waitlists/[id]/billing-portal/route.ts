import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { createPortal } from "@/lib/billing/checkout";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

/** Opens Stripe's customer portal for the subscription of this waitlist's team (team owners). */
// Session only (keys: false): a leaked API key must not reach payment methods or the subscription.
export const POST = ownerRoute<{ id: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, url: await createPortal(waitlist.team_id, `/dashboard/w/${waitlist.id}`) });
}, { keys: false, role: "owner" });
