import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { INVITES_PER_ADDRESS_PER_DAY, INVITES_PER_INVITER_PER_DAY, TEAMS_PER_ADDRESS_PER_DAY } from "@/lib/teams/schemas";

// How many team invitations may go out in any 24 hours (docs/teams.md), counted from team_invitations rows
// (re-sends and revoked ones count; one whose email could not be sent is deleted and does not):
// - per team: TEAM_INVITES_PER_DAY (serialised by the team's row lock the caller holds);
// - per inviting person, across all their teams: INVITES_PER_INVITER_PER_DAY, so owning many teams does not
//   multiply what one person can send;
// - per recipient address: INVITES_PER_ADDRESS_PER_DAY from one team (re-sends), and at most
//   TEAMS_PER_ADDRESS_PER_DAY different teams, so nobody's inbox can be flooded from many teams, and nobody can
//   block an address for everyone else by re-sending it invitations from one team of their own.
// The two cross-team counts are serialised by transaction-scoped advisory locks on the person and on the address,
// taken after the team's row lock and always in this order, so invitations at once from different teams cannot
// both slip under a cap (and cannot deadlock: nobody takes them the other way round).

const DAY_S = 86_400;
/** What one cap counts by (fixed SQL; the value is always the bound $1). */
type Counted = "team_id = $1" | "invited_by = $1";

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
  const resendWait = await waitUntil(
    client,
    `SELECT created_at AS at FROM team_invitations
      WHERE team_id = $1 AND lower(email) = $2 AND created_at > now() - interval '24 hours'
      ORDER BY created_at DESC OFFSET $3 LIMIT 1`,
    [teamId, email, INVITES_PER_ADDRESS_PER_DAY - 1],
  );
  if (resendWait !== null) {
    throw limited(
      `This team has sent ${email} ${INVITES_PER_ADDRESS_PER_DAY} invitations in the last 24 hours, the most it may. Try again in ${describeWait(resendWait)}.`,
      resendWait,
    );
  }
  // Other teams that invited the address: the one whose last invitation ages out soonest frees a place.
  const teamsWait = await waitUntil(
    client,
    `SELECT max(created_at) AS at FROM team_invitations
      WHERE lower(email) = $1 AND team_id <> $2 AND created_at > now() - interval '24 hours'
      GROUP BY team_id ORDER BY at DESC OFFSET $3 LIMIT 1`,
    [email, teamId, TEAMS_PER_ADDRESS_PER_DAY - 1],
  );
  if (teamsWait !== null) {
    throw limited(
      `${email} has been invited by ${TEAMS_PER_ADDRESS_PER_DAY} teams in the last 24 hours, the most one address gets. Try again in ${describeWait(teamsWait)}.`,
      teamsWait,
    );
  }
}

/** Seconds until the row `sql` finds (its `at`) is 24 hours old, or null when it finds none (there is room). */
async function waitUntil(client: pg.PoolClient, sql: string, values: unknown[]): Promise<number | null> {
  const { rows } = await client.query<{ wait: number }>(
    `SELECT ceil(extract(epoch FROM q.at + interval '24 hours' - now()))::int AS wait FROM (${sql}) q`,
    values,
  );
  return rows[0] ? Math.max(1, Math.min(DAY_S, rows[0].wait)) : null;
}

/**
 * Seconds until fewer than `cap` invitations matching `where` fall in the last 24 hours, or null when there is
 * room now: the cap-th newest of the window is the one that has to age out.
 */
function waitUntilUnder(client: pg.PoolClient, where: Counted, value: string, cap: number): Promise<number | null> {
  return waitUntil(
    client,
    `SELECT created_at AS at FROM team_invitations WHERE ${where} AND created_at > now() - interval '24 hours'
      ORDER BY created_at DESC OFFSET $2 LIMIT 1`,
    [value, cap - 1],
  );
}

function limited(message: string, wait: number): AppError {
  return new AppError("rate_limited", message, undefined, { "Retry-After": String(wait) });
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}
