import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";
import { hashStatusToken, newStatusToken } from "@/lib/signups/codes";
import { isStatusTokenShape } from "@/lib/signups/status";

// Secrets we mail to a signup: 24 random bytes (base64url, 32 characters, the status token's shape), of
// which only the sha256 is stored, so a leaked database holds no working link. Minted when an email is
// written and committed before it is sent, so every link that reaches an inbox works.

export type TokenPurpose = "status" | "unsubscribe" | "confirm" | "leave";

export async function mintSignupToken(signupId: string, purpose: TokenPurpose): Promise<string> {
  const { token, hash } = newStatusToken();
  await pool().query(`INSERT INTO signup_tokens (token_hash, signup_id, purpose) VALUES ($1, $2, $3)`, [
    hash,
    signupId,
    purpose,
  ]);
  return token;
}

/** The signup a mailed token belongs to, or null (wrong shape, unknown, or minted for another purpose). */
export async function signupIdOfToken(
  token: string,
  purpose: TokenPurpose,
  client: Pick<pg.Pool, "query"> = pool(),
): Promise<string | null> {
  if (!isStatusTokenShape(token)) return null;
  const { rows } = await client.query<{ signup_id: string }>(
    `SELECT signup_id FROM signup_tokens WHERE token_hash = $1 AND purpose = $2`,
    [hashStatusToken(token), purpose],
  );
  return rows[0]?.signup_id ?? null;
}

/** Several tokens for one signup in one statement (an email's footer carries three), in the order asked. */
export async function mintSignupTokens(signupId: string, purposes: readonly TokenPurpose[]): Promise<string[]> {
  const minted = purposes.map(() => newStatusToken());
  await pool().query(
    `INSERT INTO signup_tokens (token_hash, signup_id, purpose) SELECT h, $1, p FROM unnest($2::text[], $3::text[]) AS t(h, p)`,
    [signupId, minted.map((m) => m.hash), purposes],
  );
  return minted.map((m) => m.token);
}
