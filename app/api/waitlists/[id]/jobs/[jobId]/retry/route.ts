import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { retryFailedJob } from "@/lib/jobs/dead-jobs";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// POST: one more attempt for a failed email job of this waitlist (404 for any other job, 409 if not failed).
export const POST = ownerRoute<{ id: string; jobId: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  await retryFailedJob(waitlist.team_id, waitlist.id, params.jobId);
  return jsonOk({ ok: true });
});
