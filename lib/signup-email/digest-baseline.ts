import "server-only";
import type { PoolClient } from "pg";

/**
 * When an owner turns the digest on, referrals from before count as told: the first digests speak of friends
 * who join from now on, instead of mailing every past referrer on the list at once. A no-op when the digest
 * is already on (read before the caller's UPDATE, in its transaction). Reads only signups_digest_due_idx.
 */
export async function startDigestBaseline(client: PoolClient, waitlistId: string): Promise<void> {
  await client.query(
    `UPDATE signups SET digest_referral_count = referral_count, digest_position = NULL
      WHERE waitlist_id = $1 AND referral_count > digest_referral_count AND status = 'WAITING'
        AND NOT (SELECT referral_digest FROM waitlists WHERE id = $1)`,
    [waitlistId],
  );
}
