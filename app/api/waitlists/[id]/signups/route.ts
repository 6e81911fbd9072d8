import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseQuery } from "@/lib/api/owner-route";
import { listSignups } from "@/lib/signups/queries";
import { listSignupsQuerySchema } from "@/lib/signups/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, ...(await listSignups(waitlist.id, parseQuery(req, listSignupsQuerySchema))) });
});
