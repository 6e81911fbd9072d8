import "server-only";
import { pool, withTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FeatureKeys } from "@/lib/features/schemas";

// A waitlist's feature keys (docs/feature-waitlists.md), as the owner sets them in the dashboard or through
// GET/PUT /api/waitlists/:id/features. Callers have checked the waitlist is the owner's (requireOwnedWaitlist).
// Removing a key changes no member: the signups and their external ids stay on the list, only that name for it
// stops answering (404) in the product API.

export type { FeatureKeys } from "@/lib/features/schemas";

export async function listFeatureKeys(waitlistId: string): Promise<FeatureKeys> {
  const { rows } = await pool().query<{ key: string }>(
    `SELECT key FROM waitlist_features WHERE waitlist_id = $1 ORDER BY key`,
    [waitlistId],
  );
  return { keys: rows.map((r) => r.key) };
}

/** Replaces the set of keys; 409 conflict (field "keys") when one already names another of the owner's lists. */
export async function setFeatureKeys(teamId: string, waitlistId: string, keys: readonly string[]): Promise<FeatureKeys> {
  await withTransaction(async (client) => {
    await client.query(`DELETE FROM waitlist_features WHERE waitlist_id = $1 AND NOT (key = ANY($2::text[]))`, [
      waitlistId,
      keys,
    ]);
    // A key of another list is a conflict, whether it was there before or stored by a concurrent edit (the
    // primary key (team_id, key) decides: DO NOTHING skips it and the check below finds it missing).
    const { rows } = await client.query<{ key: string }>(
      `INSERT INTO waitlist_features (team_id, key, waitlist_id)
       SELECT $1, k, $2 FROM unnest($3::text[]) AS k
       ON CONFLICT (team_id, key) DO UPDATE SET key = EXCLUDED.key WHERE waitlist_features.waitlist_id = $2
       RETURNING key`,
      [teamId, waitlistId, keys],
    );
    const stored = new Set(rows.map((r) => r.key));
    const taken = keys.filter((k) => !stored.has(k));
    if (taken.length > 0) {
      const { rows: other } = await client.query<{ title: string }>(
        `SELECT w.title FROM waitlist_features f JOIN waitlists w ON w.id = f.waitlist_id
          WHERE f.team_id = $1 AND f.key = $2`,
        [teamId, taken[0]],
      );
      const where = other[0] ? ` of your waitlist “${other[0].title}”` : " of another of your waitlists";
      throw new AppError("conflict", `“${taken[0]}” is already a feature key${where}; keys are unique across your waitlists.`, "keys");
    }
  });
  return listFeatureKeys(waitlistId);
}

/** People a product put on this list (signups with an external id): the dashboard's count. */
export async function countMembers(waitlistId: string): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM signups WHERE waitlist_id = $1 AND external_id IS NOT NULL`,
    [waitlistId],
  );
  return rows[0]?.n ?? 0;
}
