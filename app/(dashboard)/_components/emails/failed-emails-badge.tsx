import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { countFailedJobs } from "@/lib/jobs/dead-jobs";

// The number of failed emails beside the "Email delivery" tab; nothing when there are none.
export async function FailedEmailsBadge({ waitlistId }: { waitlistId: string }) {
  const waitlist = await dashboardWaitlist(waitlistId, `/dashboard/w/${waitlistId}/emails`);
  const failed = await countFailedJobs(waitlist.team_id, waitlist.id);
  if (failed === 0) return null;
  return (
    <span className="ml-1.5 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums" data-testid="failed-emails-count">
      {failed}
      <span className="sr-only"> failed</span>
    </span>
  );
}
