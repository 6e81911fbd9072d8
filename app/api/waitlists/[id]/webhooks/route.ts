import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { endpointAudit } from "@/lib/audit/endpoint-audit";
import { createEndpoint, listEndpoints } from "@/lib/webhooks/endpoints";
import { maskEndpoints } from "@/lib/webhooks/masking";
import { endpointCreateSchema } from "@/lib/webhooks/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// GET: the waitlist's webhook endpoints (never their secrets; viewers and read keys see URLs as scheme and host).
export const GET = ownerRoute<{ id: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, endpoints: maskEndpoints(await listEndpoints(waitlist.team_id, waitlist.id), access.resolved?.role) });
});

// POST {url, description?, events, enabled?}: a new endpoint; its signing secret is in this answer only.
export const POST = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const input = await parseJsonBody(req, endpointCreateSchema);
  const { endpoint, secret } = await createEndpoint(waitlist.team_id, waitlist.id, input);
  audit(endpointAudit(endpoint));
  return jsonOk({ ok: true, endpoint, secret }, { status: 201 });
});
