import "server-only";
import { pool } from "@/lib/db";
import { normalizeInviteCode } from "@/lib/invitations/schemas";
import { publicStatus, type SignupStatusValue } from "@/lib/signups/statuses";

// Owner-side reads about letting people in. Callers checked that the waitlist is the owner's.

export type InviteCodeLookup = {
  valid: boolean;
  signup: { id: string; email: string; name: string | null; status: Lowercase<SignupStatusValue>; invited_at: string | null; joined_at: string | null } | null;
};

/**
 * Whether an invite code belongs to someone on this list, and who. A code is valid while its holder is invited
 * or joined (a person put back in line, or removed, keeps the code on record but it no longer lets them in).
 */
export async function lookupInviteCode(waitlistId: string, raw: string): Promise<InviteCodeLookup> {
  const code = normalizeInviteCode(raw);
  if (!code) return { valid: false, signup: null };
  const { rows } = await pool().query<{
    id: string; email: string; name: string | null; status: SignupStatusValue; invited_at: Date | null; joined_at: Date | null;
  }>(
    `SELECT id, email, name, status, invited_at, joined_at FROM signups WHERE waitlist_id = $1 AND invite_code = $2`,
    [waitlistId, code],
  );
  const r = rows[0];
  if (!r) return { valid: false, signup: null };
  return {
    valid: r.status === "INVITED" || r.status === "JOINED",
    signup: {
      id: r.id,
      email: r.email,
      name: r.name,
      status: publicStatus(r.status),
      invited_at: r.invited_at?.toISOString() ?? null,
      joined_at: r.joined_at?.toISOString() ?? null,
    },
  };
}

/** The funnel: everyone on the list (but the removed), confirmed (not pending), ever invited, joined. */
export type Funnel = { signed_up: number; confirmed: number; invited: number; joined: number };

export async function funnelOf(waitlistId: string): Promise<Funnel> {
  const { rows } = await pool().query<Funnel>(
    `SELECT COUNT(*) FILTER (WHERE status <> 'REMOVED')::int AS signed_up,
            COUNT(*) FILTER (WHERE status NOT IN ('REMOVED', 'PENDING'))::int AS confirmed,
            COUNT(*) FILTER (WHERE status <> 'REMOVED' AND invited_at IS NOT NULL)::int AS invited,
            COUNT(*) FILTER (WHERE status = 'JOINED')::int AS joined
       FROM signups WHERE waitlist_id = $1`,
    [waitlistId],
  );
  return rows[0]!;
}
