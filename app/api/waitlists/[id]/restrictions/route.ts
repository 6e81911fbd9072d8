import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { restrictionsPatchSchema } from "@/lib/restrictions/schemas";
import { getRestrictionSettings, updateRestrictions } from "@/lib/restrictions/settings";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, restrictions: await getRestrictionSettings(waitlist.id) });
});

export const PATCH = ownerRoute<{ id: string }>(async (req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const input = await parseJsonBody(req, restrictionsPatchSchema);
  return jsonOk({ ok: true, restrictions: await updateRestrictions(waitlist, input) });
});
