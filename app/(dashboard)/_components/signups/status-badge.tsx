import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SignupRow } from "@/lib/signups/queries";

// One badge per status (lib/signups/statuses.ts), in the signups table.

const BADGES: Record<SignupRow["status"], { tone: BadgeTone; label: string }> = {
  pending: { tone: "warning", label: "Pending" },
  waiting: { tone: "brand", label: "Waiting" },
  invited: { tone: "success", label: "Invited" },
  joined: { tone: "success", label: "Joined" },
  removed: { tone: "neutral", label: "Removed" },
};

export function SignupStatusBadge({ status }: { status: SignupRow["status"] }) {
  const { tone, label } = BADGES[status];
  return <Badge tone={tone}>{label}</Badge>;
}
