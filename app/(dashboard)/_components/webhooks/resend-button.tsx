import { PostButton } from "../post-button";

// Resend one delivery: back in line as pending (same webhook-id), then the page re-reads the log.

export function ResendButton({ waitlistId, deliveryId, label }: { waitlistId: string; deliveryId: string; label: string }) {
  return (
    <PostButton
      url={`/api/waitlists/${waitlistId}/webhooks/deliveries/${deliveryId}/resend`}
      label="Resend"
      busyLabel="Resending…"
      ariaLabel={`Resend ${label}`}
      doneText="Queued again"
      keepAfterDone
    />
  );
}
