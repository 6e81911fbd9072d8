import { PostButton } from "../post-button";

// One failed email's Retry: puts the job back in the queue, then re-reads the page (the row leaves the list).

export function RetryButton({ waitlistId, jobId, recipient }: { waitlistId: string; jobId: string; recipient: string }) {
  return (
    <PostButton
      url={`/api/waitlists/${waitlistId}/jobs/${jobId}/retry`}
      label="Retry"
      busyLabel="Retrying…"
      ariaLabel={`Retry the email to ${recipient}`}
      doneText="Queued again"
    />
  );
}
