import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";
import { hashStatusToken } from "@/lib/signups/codes";
import { isStatusTokenShape } from "@/lib/signups/status";

// The person's own keys to their signup, for self-service (download my data, leave this waitlist):
//   "status"  the status token shown after signing up (on the signup row) or any status link we mailed
//             (signup_tokens): whoever holds it is the person, who may see, download or erase their data;
//   "leave"   a mailed token that only erases (every email's footer), never reads.
// Unsubscribe and confirm tokens are not keys to anything here: the List-Unsubscribe header travels further
// than the email body (mail providers, forwarding services), and a confirm link only confirms, once (it mints a
// status link only in the POST that confirms, and confirming deletes it: lib/signups/line-confirm.ts).

export type OwnTokenPurpose = "status" | "leave";

export type OwnSignup = { signupId: string; waitlistId: string; slug: string; title: string };

export async function signupOfOwnToken(
  token: string,
  purposes: readonly OwnTokenPurpose[],
  client: Pick<pg.Pool, "query"> = pool(),
): Promise<OwnSignup | null> {
  if (!isStatusTokenShape(token)) return null;
  const { rows } = await client.query<{ id: string; waitlist_id: string; slug: string; title: string }>(
    `SELECT s.id, s.waitlist_id, w.slug, w.title
       FROM signups s JOIN waitlists w ON w.id = s.waitlist_id
      WHERE s.id = (SELECT id FROM signups WHERE status_token_hash = $1 AND 'status' = ANY($2::text[])
                     UNION ALL
                     SELECT signup_id FROM signup_tokens WHERE token_hash = $1 AND purpose = ANY($2::text[])
                     LIMIT 1)`,
    [hashStatusToken(token), purposes],
  );
  const row = rows[0];
  return row ? { signupId: row.id, waitlistId: row.waitlist_id, slug: row.slug, title: row.title } : null;
}
