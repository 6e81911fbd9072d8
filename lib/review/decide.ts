import "server-only";
import type { ReviewDecision } from "@/lib/review/schemas";
import { approveHeld, rejectHeld } from "@/lib/signups/line";

/**
 * The owner's decision on held credits, through the line's keeper (approve: the referrer is credited and moves
 * up; reject: the referee is removed, everyone behind moves up). Returns the ids that changed: ids of another
 * list, or no longer held, change nothing. Null when the waitlist is not this owner's.
 */
export async function decideHeld(waitlistId: string, decision: ReviewDecision, teamId: string): Promise<string[] | null> {
  const ids = [...new Set(decision.ids)];
  return decision.action === "approve" ? approveHeld(waitlistId, ids, teamId) : rejectHeld(waitlistId, ids, teamId);
}
