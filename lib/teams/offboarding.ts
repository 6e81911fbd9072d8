import "server-only";
import type pg from "pg";

// What a person's power in a team leaves behind, taken away in the same locked transaction as the change of
// their membership (lib/teams/mutations.ts; docs/teams.md "When someone leaves"):
// - API keys they created (api_keys.created_by): a key acts as an admin (write) or a viewer (read) of the team
//   whoever holds it, so a removed admin's read-write key would keep their power. Removed or demoted to viewer:
//   all their active keys are revoked (a read key may still export personal data, which a viewer may not, and a
//   viewer can neither see nor revoke keys).
// - Pending invitations they sent (team_invitations.invited_by): an owner's invitation could bring them back, or
//   let in someone they chose, after they lost the right to invite. Removed, or no longer an owner: revoked.
//   Accepting re-checks the inviter too (lib/teams/invitations.ts), for invitations sent before this existed.
// Webhook endpoints have no creator column, so they stay: docs/teams.md asks owners to review them.

/** Revokes the team's active keys `userId` created (only the read-write ones with `writeOnly`); answers how many. */
export async function revokeKeysCreatedBy(client: pg.PoolClient, teamId: string, userId: string, writeOnly: boolean): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE api_keys SET revoked_at = now()
      WHERE team_id = $1 AND created_by = $2 AND revoked_at IS NULL AND ($3::boolean IS FALSE OR scope = 'write')`,
    [teamId, userId, writeOnly],
  );
  return rowCount ?? 0;
}

/** Revokes the team's pending invitations `userId` sent; answers how many. */
export async function revokeInvitationsSentBy(client: pg.PoolClient, teamId: string, userId: string): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE team_invitations SET revoked_at = now()
      WHERE team_id = $1 AND invited_by = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
    [teamId, userId],
  );
  return rowCount ?? 0;
}
