import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseQuery } from "@/lib/api/owner-route";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { deliveriesQuerySchema } from "@/lib/webhooks/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// GET ?status=&limit=&cursor=: every endpoint's deliveries of this waitlist, newest first, with their attempts.
export const GET = ownerRoute<{ id: string }>(async (req, { owner, params }) => {
  const waitlist = await requireOwnedWaitlist(owner.id, params.id);
  const query = parseQuery(req, deliveriesQuerySchema);
  return jsonOk({ ok: true, ...(await listDeliveries(owner.id, waitlist.id, query)) });
});
