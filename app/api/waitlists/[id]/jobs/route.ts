import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseQuery } from "@/lib/api/owner-route";
import { deliverySummary, listFailedJobs } from "@/lib/jobs/dead-jobs";
import { jobsQuerySchema } from "@/lib/jobs/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// GET ?state=failed: the waitlist's email jobs that used up their retries, and the delivery counts.
export const GET = ownerRoute<{ id: string }>(async (req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  parseQuery(req, jobsQuerySchema);
  const [jobs, summary] = await Promise.all([listFailedJobs(waitlist.team_id, waitlist.id), deliverySummary(waitlist.team_id, waitlist.id)]);
  return jsonOk({ ok: true, jobs, summary });
});
