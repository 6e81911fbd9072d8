import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { deleteWaitlist, updateWaitlist } from "@/lib/waitlists/mutations";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";
import { updateWaitlistSchema } from "@/lib/waitlists/schemas";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = ownerRoute<Params>(async (_req, { owner, params }) => {
  return jsonOk({ ok: true, waitlist: await requireOwnedWaitlist(owner.id, params.id) });
});

export const PATCH = ownerRoute<Params>(async (req, { owner, params }) => {
  await requireOwnedWaitlist(owner.id, params.id);
  const input = await parseJsonBody(req, updateWaitlistSchema);
  return jsonOk({ ok: true, waitlist: await updateWaitlist(owner.id, params.id, input) });
});

export const DELETE = ownerRoute<Params>(async (_req, { owner, params }) => {
  // The owner check every :id route makes first; it also refuses ids that are no id at all (a NUL byte).
  await requireOwnedWaitlist(owner.id, params.id);
  await deleteWaitlist(owner.id, params.id);
  return jsonOk({ ok: true });
});
