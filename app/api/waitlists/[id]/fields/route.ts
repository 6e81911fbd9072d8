import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { getFieldDefinitions, saveFieldDefinitions } from "@/lib/fields/mutations";
import { putFieldsSchema } from "@/lib/fields/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, fields: await getFieldDefinitions(waitlist.id) });
});

export const PUT = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const input = await parseJsonBody(req, putFieldsSchema);
  audit({ questions: input.fields.length });
  return jsonOk({ ok: true, fields: await saveFieldDefinitions(waitlist, input.fields) });
});
