import type { Metadata } from "next";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { deliverySummary, FAILED_LIST_LIMIT, listFailedJobs } from "@/lib/jobs/dead-jobs";
import { FailedEmails } from "../../../../_components/emails/failed-emails";
import { StatCard } from "../../../../_components/stat-card";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Email delivery" };

type Props = { params: Promise<{ id: string }> };

const number = (n: number) => n.toLocaleString("en-US");

export default async function EmailDeliveryPage({ params }: Props) {
  const { id } = await params;
  const returnTo = `/dashboard/w/${id}/emails`;
  const waitlist = await dashboardWaitlist(id, returnTo);
  const [jobs, summary] = await Promise.all([listFailedJobs(waitlist.team_id, waitlist.id), deliverySummary(waitlist.team_id, waitlist.id)]);

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-ink">Email delivery</h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          Emails to your signups are sent in the background and retried with growing pauses when the email provider
          fails (for about half a day). The ones that still failed are listed here: Retry sends them again once the
          cause is fixed. Nobody gets the same email twice.
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:gap-4">
        <StatCard label="Sent in the last 24 h" value={number(summary.sent_24h)} />
        <StatCard label="Waiting to be sent" value={number(summary.waiting)} detail="Queued, or between retries" />
        <StatCard label="Failed" value={number(summary.failed)} detail={summary.failed > FAILED_LIST_LIMIT ? `The newest ${FAILED_LIST_LIMIT} are listed` : undefined} />
      </dl>
      {waitlist.canEdit || jobs.length === 0 ? null : <ViewOnlyNote />}
      <FailedEmails waitlistId={waitlist.id} jobs={jobs} canEdit={waitlist.canEdit} />
    </div>
  );
}
