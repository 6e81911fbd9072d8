import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { FailedJob } from "@/lib/jobs/dead-jobs";
import { RetryButton } from "./retry-button";

// The waitlist's emails that failed after every retry: who, what, how often it was tried and why it failed.

const KINDS: Record<string, string> = {
  "signup-welcome": "Welcome",
  "signup-digest": "Friends joined (digest)",
  "invite-wave": "Scheduled wave",
};

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** `canEdit` false (a viewer): the failures are listed without Retry buttons. */
export function FailedEmails({ waitlistId, jobs, canEdit }: { waitlistId: string; jobs: FailedJob[]; canEdit: boolean }) {
  if (jobs.length === 0) {
    return (
      <Card className="px-6 py-10 text-center" data-testid="no-failed-emails">
        <p className="text-sm font-semibold text-ink">No failed emails</p>
        <p className="mt-1 text-sm text-muted">Every email to your signups went out or is still being retried.</p>
      </Card>
    );
  }
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="failed-emails">
        <caption className="sr-only">Emails that failed after every retry</caption>
        <thead className="bg-surface text-xs text-muted">
          <tr>
            {["Email", "Recipient", "Attempts", "Last error", "Failed at (UTC)", ""].map((h) => (
              <th key={h} className="px-4 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} className="border-t border-line align-top">
              <td className="px-4 py-3">
                <Badge tone="danger">{KINDS[job.kind] ?? job.kind}</Badge>
              </td>
              <td className="px-4 py-3 break-all text-ink">{job.recipient}</td>
              <td className="px-4 py-3 tabular-nums">{job.attempts}</td>
              <td className="max-w-xs px-4 py-3 text-muted">{job.error}</td>
              <td className="px-4 py-3 whitespace-nowrap text-muted">{when(job.failed_at)}</td>
              <td className="px-4 py-3 text-right">
                {canEdit ? <RetryButton waitlistId={waitlistId} jobId={job.id} recipient={job.recipient} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
