import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { endpointAudit } from "@/lib/audit/endpoint-audit";
import { deleteEndpoint, getEndpoint, updateEndpoint } from "@/lib/webhooks/endpoints";
import { maskEndpoints } from "@/lib/webhooks/masking";
import { endpointPatchSchema } from "@/lib/webhooks/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

type P = { id: string; endpointId: string };

export const GET = ownerRoute<P>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const [endpoint] = maskEndpoints([await getEndpoint(waitlist.team_id, waitlist.id, params.endpointId)], access.resolved?.role);
  return jsonOk({ ok: true, endpoint });
});

// PATCH {url?, description?, events?, enabled?}: enabling a disabled endpoint clears its disabled note.
export const PATCH = ownerRoute<P>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const patch = await parseJsonBody(req, endpointPatchSchema);
  const endpoint = await updateEndpoint(waitlist.team_id, waitlist.id, params.endpointId, patch);
  audit(endpointAudit(endpoint));
  return jsonOk({ ok: true, endpoint });
});

// DELETE: the endpoint and its delivery log.
export const DELETE = ownerRoute<P>(async (_req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const endpoint = await getEndpoint(waitlist.team_id, waitlist.id, params.endpointId);
  await deleteEndpoint(waitlist.team_id, waitlist.id, params.endpointId);
  audit(endpointAudit({ url: endpoint.url }));
  return jsonOk({ ok: true });
});
