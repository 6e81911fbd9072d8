import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";
import { waitlistStats } from "@/lib/waitlists/stats";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (_req, { owner, params }) => {
  const waitlist = await requireOwnedWaitlist(owner.id, params.id);
  return jsonOk({ ok: true, stats: await waitlistStats(waitlist.id) });
});
