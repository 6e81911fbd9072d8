import "server-only";
import { pool } from "@/lib/db";
import { hashStatusToken } from "@/lib/signups/codes";
import { positionOf } from "@/lib/signups/position";
import { sharePath } from "@/lib/signups/service";
import { publicStatus, type SignupStatusValue } from "@/lib/signups/statuses";

// The private status link: /w/<slug>/status/<token>. The token is the only key (never the email, never the
// public ref code), looked up by its sha256 so a leaked database does not leak working links. The one shown
// after signing up is on the signup row; emails carry their own (signup_tokens, lib/signup-email/tokens.ts).

/** newStatusToken() makes 24 random bytes in base64url: exactly 32 characters. Anything else is not ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export type SignupStatusView = {
  waitlistId: string;
  slug: string;
  refCode: string;
  sharePath: string;
  referralCount: number;
  status: Lowercase<SignupStatusValue>;
  /** For invited and joined people: the owner's link and their invite code (lib/invitations). */
  invitation: { url: string | null; code: string | null } | null;
  /** Live place in line (THE definition in position.ts); null while pending and once the person was let in. */
  position: number | null;
  /** People waiting on the whole list right now, for "#47 of 1,203". */
  waiting: number;
  joinedAt: Date;
};

export function isStatusTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The signup behind a status token on this waitlist, or null (unknown token, or a token of another list). */
export async function getSignupStatus(slug: string, token: string): Promise<SignupStatusView | null> {
  if (!isStatusTokenShape(token)) return null;
  const { rows } = await pool().query<{
    waitlist_id: string;
    slug: string;
    ref_code: string;
    referral_count: number;
    score: number;
    seq: number;
    status: SignupStatusValue;
    created_at: Date;
    waiting_count: number;
    invite_url: string | null;
    invite_code: string | null;
  }>(
    `SELECT s.waitlist_id, w.slug, s.ref_code, s.referral_count, s.score, s.seq, s.status, s.created_at,
            w.waiting_count, w.invite_url, s.invite_code
       FROM signups s JOIN waitlists w ON w.id = s.waitlist_id
      WHERE s.id = (SELECT id FROM signups WHERE status_token_hash = $1
                     UNION ALL
                     SELECT signup_id FROM signup_tokens WHERE token_hash = $1 AND purpose = 'status'
                     LIMIT 1)
        AND w.slug = $2`,
    [hashStatusToken(token), slug],
  );
  const row = rows[0];
  if (!row) return null;
  const waiting = row.status === "WAITING";
  return {
    waitlistId: row.waitlist_id,
    slug: row.slug,
    refCode: row.ref_code,
    sharePath: sharePath(row.slug, row.ref_code),
    referralCount: row.referral_count,
    status: publicStatus(row.status),
    invitation: row.status === "INVITED" || row.status === "JOINED" ? { url: row.invite_url, code: row.invite_code } : null,
    position: waiting ? await positionOf(pool(), row.waitlist_id, row.score, row.seq) : null,
    waiting: row.waiting_count,
    joinedAt: row.created_at,
  };
}

/**
 * The public face of a ref code, for the share card ("#47 on Acme"): the code is already public in the share
 * link, so this reveals a place in line and nothing about who holds it.
 */
export async function getRefPosition(waitlistId: string, refCode: string): Promise<number | null> {
  const { rows } = await pool().query<{ score: number; seq: number; status: "WAITING" | "INVITED" }>(
    `SELECT score, seq, status FROM signups WHERE waitlist_id = $1 AND ref_code = $2`,
    [waitlistId, refCode],
  );
  const row = rows[0];
  if (!row || row.status !== "WAITING") return null;
  return positionOf(pool(), waitlistId, row.score, row.seq);
}
