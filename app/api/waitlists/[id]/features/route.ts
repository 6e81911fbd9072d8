import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { featureKeysPutSchema } from "@/lib/features/schemas";
import { listFeatureKeys, setFeatureKeys } from "@/lib/features/settings";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, features: await listFeatureKeys(waitlist.id) });
});

export const PUT = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const input = await parseJsonBody(req, featureKeysPutSchema);
  // Feature keys are the product's own names for its features, never a person's data.
  audit({ keys: input.keys });
  return jsonOk({ ok: true, features: await setFeatureKeys(waitlist.team_id, waitlist.id, input.keys) });
});
