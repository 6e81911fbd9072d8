import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { topSources } from "@/lib/attribution/sources";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";
import { waitlistStats } from "@/lib/waitlists/stats";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const [stats, top_sources] = await Promise.all([waitlistStats(waitlist.id), topSources(waitlist.id)]);
  return jsonOk({ ok: true, stats: { ...stats, top_sources } });
});
