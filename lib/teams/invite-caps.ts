import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { INVITES_PER_ADDRESS_PER_DAY, INVITES_PER_INVITER_PER_DAY } from "@/lib/teams/schemas";

// How many team invitations may go out in any 24 hours (docs/teams.md), counted from team_invitations rows
// (re-sends and revoked ones count; one whose email could not be sent is deleted and does not):
// - per team: TEAM_INVITES_PER_DAY (serialised by the team's row lock the caller holds);
// - per inviting person, across all their teams: INVITES_PER_INVITER_PER_DAY, so owning many teams does not
//   multiply what one person can send;
// - per recipient address, across all teams: INVITES_PER_ADDRESS_PER_DAY, so nobody's inbox can be flooded by
//   invitations from many teams (or by re-sends).
// The two cross-team counts are serialised by transaction-scoped advisory locks on the person and on the address,
// taken after the team's row lock and always in this order, so invitations at once from different teams cannot
// both slip under a cap (and cannot deadlock: nobody takes them the other way round).

const DAY_S = 86_400;
/** What one cap counts by (fixed SQL; the value is always the bound $1). */
type Counted = "team_id = $1" | "invited_by = $1" | "lower(email) = $1";

/** Checks all three caps for one more invitation; 429 `rate_limited` with Retry-After when one is reached. */
export async function assertUnderInviteCaps(client: pg.PoolClient, teamId: string, inviterId: string, email: string): Promise<void> {
  const teamCap = env().TEAM_INVITES_PER_DAY;
  const teamWait = await waitUntilUnder(client, `team_id = $1`, teamId, teamCap);
  if (teamWait !== null) {
    throw limited(`This team has sent ${teamCap} invitations in the last 24 hours, the most it may. Try again in ${describeWait(teamWait)}.`, teamWait);
  }

  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('team-invites:inviter:' || $1, 0))`, [inviterId]);
  const inviterWait = await waitUntilUnder(client, `invited_by = $1`, inviterId, INVITES_PER_INVITER_PER_DAY);
  if (inviterWait !== null) {
    throw limited(
      `You have sent ${INVITES_PER_INVITER_PER_DAY} team invitations in the last 24 hours (all your teams together), the most one person may. Try again in ${describeWait(inviterWait)}.`,
      inviterWait,
    );
  }

  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('team-invites:address:' || $1, 0))`, [email]);
  const addressWait = await waitUntilUnder(client, `lower(email) = $1`, email, INVITES_PER_ADDRESS_PER_DAY);
  if (addressWait !== null) {
    throw limited(
      `${email} has been sent ${INVITES_PER_ADDRESS_PER_DAY} team invitations in the last 24 hours, the most one address gets. Try again in ${describeWait(addressWait)}.`,
      addressWait,
    );
  }
}

/**
 * Seconds until fewer than `cap` invitations matching `where` fall in the last 24 hours, or null when there is
 * room now: the cap-th newest of the window is the one that has to age out.
 */
async function waitUntilUnder(client: pg.PoolClient, where: Counted, value: string, cap: number): Promise<number | null> {
  const { rows } = await client.query<{ wait: number }>(
    `SELECT ceil(extract(epoch FROM created_at + interval '24 hours' - now()))::int AS wait
       FROM team_invitations WHERE ${where} AND created_at > now() - interval '24 hours'
      ORDER BY created_at DESC OFFSET $2 LIMIT 1`,
    [value, cap - 1],
  );
  return rows[0] ? Math.max(1, Math.min(DAY_S, rows[0].wait)) : null;
}

function limited(message: string, wait: number): AppError {
  return new AppError("rate_limited", message, undefined, { "Retry-After": String(wait) });
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}
