import { Badge } from "@/components/ui/badge";
import type { OwnedWaitlist } from "@/lib/waitlists/queries";

/** Whether the hosted page takes signups right now, in one word. */
export function WaitlistStatusBadge({ waitlist }: { waitlist: Pick<OwnedWaitlist, "is_open" | "full"> }) {
  if (!waitlist.is_open) return <Badge tone="neutral">Closed</Badge>;
  if (waitlist.full) return <Badge tone="warning">Full</Badge>;
  return (
    <Badge tone="success">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
      Live
    </Badge>
  );
}
