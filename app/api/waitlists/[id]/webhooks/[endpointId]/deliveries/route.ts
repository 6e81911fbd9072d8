import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseQuery } from "@/lib/api/owner-route";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { getEndpoint } from "@/lib/webhooks/endpoints";
import { maskDeliveries } from "@/lib/webhooks/masking";
import { deliveriesQuerySchema } from "@/lib/webhooks/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// GET ?status=&limit=&cursor=: this endpoint's deliveries, newest first, with their attempts.
export const GET = ownerRoute<{ id: string; endpointId: string }>(async (req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const query = parseQuery(req, deliveriesQuerySchema);
  const endpoint = await getEndpoint(waitlist.team_id, waitlist.id, params.endpointId);
  const page = await listDeliveries(waitlist.team_id, waitlist.id, { ...query, endpointId: endpoint.id });
  return jsonOk({ ok: true, ...page, deliveries: maskDeliveries(page.deliveries, access.resolved?.role) });
});
