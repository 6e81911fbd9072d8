import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { deleteWaitlist, updateWaitlist } from "@/lib/waitlists/mutations";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";
import { updateWaitlistSchema } from "@/lib/waitlists/schemas";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = ownerRoute<Params>(async (_req, { access, params }) => {
  return jsonOk({ ok: true, waitlist: await requireOwnedWaitlist(access, params.id) });
});

export const PATCH = ownerRoute<Params>(async (req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const input = await parseJsonBody(req, updateWaitlistSchema);
  return jsonOk({ ok: true, waitlist: await updateWaitlist(waitlist.team_id, waitlist.id, input) });
});

export const DELETE = ownerRoute<Params>(async (_req, { access, params, audit }) => {
  // The team check every :id route makes first (deleting a list needs a team owner); it also refuses ids that are no id at all (a NUL byte).
  const waitlist = await requireOwnedWaitlist(access, params.id);
  await deleteWaitlist(waitlist.team_id, waitlist.id);
  // The list is gone, so the log keeps what named it.
  audit({ title: waitlist.title, slug: waitlist.slug });
  return jsonOk({ ok: true });
}, { role: "owner" });
