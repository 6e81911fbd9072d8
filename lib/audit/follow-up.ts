import "server-only";
import { logger } from "@/lib/log";
import { recordAudit, requestOrigin } from "@/lib/audit/record";
import type { TeamAccess } from "@/lib/teams/access";

// A second record for a change that finishes after its answer has started (the CSV import streams its progress,
// so the owner gate records the request before the rows are in): the same actor, team, waitlist and origin as
// the gate's record, with the outcome. Like the gate's, a failure to write it is logged, not raised.
export async function recordFollowUp(req: Request, access: TeamAccess, action: string, details: Record<string, unknown>): Promise<void> {
  const teamId = access.resolved?.teamId ?? access.currentTeamId;
  try {
    await recordAudit({ teamId, waitlistId: access.resolved?.waitlistId ?? null, actor: access.actor, action, details, ...requestOrigin(req) });
  } catch (error) {
    logger.error(`audit: could not record ${action} for team ${teamId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
