import "server-only";
import { isIsoInstant, isUuid } from "@/lib/api/cursor-values";
import { pool } from "@/lib/db";
import { holdReasonText, TREE_DEPTH, TREE_MAX_NODES, type ReviewListQuery } from "@/lib/review/schemas";
import { publicStatus, type SignupStatusValue } from "@/lib/signups/statuses";

// The review queue's reads. Callers have checked that the waitlist is the owner's (requireOwnedWaitlist), and
// every query is scoped by the waitlist id as well, so a signup id of another list finds nothing.

export type HeldSignup = {
  id: string;
  email: string;
  status: Lowercase<SignupStatusValue>;
  joined_at: string;
  reason: string | null;
  reason_text: string;
  network: string | null;
  referrer: { id: string; email: string; ref_code: string; referrals: number; held: number } | null;
};

export type HeldPage = { held: HeldSignup[]; total: number; next_cursor: string | null };

type Row = {
  id: string;
  email: string;
  status: SignupStatusValue;
  created_at: Date;
  hold_reason: string | null;
  ip_net: string | null;
  r_id: string | null;
  r_email: string | null;
  r_code: string | null;
  r_count: number | null;
  r_held: number | null;
};

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

function decodeCursor(raw: string | undefined): [string, string] | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && isIsoInstant(v[0]) && isUuid(v[1])) {
      return [v[0], v[1]];
    }
  } catch {
    // not a cursor we wrote: the first page
  }
  return null;
}

/** Held credits of a waitlist, oldest first (the queue's order), with each referrer's standing. */
export async function listHeld(waitlistId: string, query: ReviewListQuery): Promise<HeldPage> {
  const cursor = decodeCursor(query.cursor);
  const [{ rows }, count, settings] = await Promise.all([
    pool().query<Row>(
      `SELECT s.id, s.email, s.status, s.created_at, s.hold_reason, s.ip_net,
              r.id AS r_id, r.email AS r_email, r.ref_code AS r_code, r.referral_count AS r_count,
              (SELECT COUNT(*)::int FROM signups h WHERE h.referred_by_id = r.id AND h.referral_credit = 'held') AS r_held
         FROM signups s LEFT JOIN signups r ON r.id = s.referred_by_id
        WHERE s.waitlist_id = $1 AND s.referral_credit = 'held'
          AND ($2::timestamptz IS NULL OR (s.created_at, s.id) > ($2::timestamptz, $3::uuid))
        ORDER BY s.created_at, s.id
        LIMIT $4`,
      [waitlistId, cursor?.[0] ?? null, cursor?.[1] ?? null, query.limit + 1],
    ),
    pool().query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM signups WHERE waitlist_id = $1 AND referral_credit = 'held'`,
      [waitlistId],
    ),
    pool().query<{ minutes: number }>(`SELECT velocity_window_minutes AS minutes FROM waitlists WHERE id = $1`, [waitlistId]),
  ]);
  const minutes = settings.rows[0]?.minutes ?? 60;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    held: page.map((r) => ({
      id: r.id,
      email: r.email,
      status: publicStatus(r.status),
      joined_at: r.created_at.toISOString(),
      reason: r.hold_reason,
      reason_text: holdReasonText(r.hold_reason, minutes),
      network: r.ip_net,
      referrer: r.r_id
        ? { id: r.r_id, email: r.r_email!, ref_code: r.r_code!, referrals: r.r_count ?? 0, held: r.r_held ?? 0 }
        : null,
    })),
    total: count.rows[0]?.n ?? 0,
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/** How many credits wait for review (the dashboard's badge). */
export async function countHeld(waitlistId: string): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM signups WHERE waitlist_id = $1 AND referral_credit = 'held'`,
    [waitlistId],
  );
  return rows[0]?.n ?? 0;
}

export type TreeNode = {
  id: string;
  parent_id: string | null;
  depth: number;
  email: string;
  status: Lowercase<SignupStatusValue>;
  referrals: number;
  credit: "credited" | "held" | "revoked" | "rejected" | null;
  joined_at: string;
};

/**
 * A person and the people they brought, down to TREE_DEPTH levels (at most TREE_MAX_NODES, oldest first per
 * level): the shape of a referral farm is visible at a glance. Null when the person is not on this waitlist.
 */
export async function referralTree(waitlistId: string, signupId: string): Promise<{ nodes: TreeNode[]; truncated: boolean } | null> {
  const { rows } = await pool().query<{
    id: string;
    parent_id: string | null;
    depth: number;
    email: string;
    status: SignupStatusValue;
    referral_count: number;
    referral_credit: TreeNode["credit"];
    created_at: Date;
  }>(
    `WITH RECURSIVE tree AS (
       SELECT s.id, NULL::uuid AS parent_id, 0 AS depth FROM signups s WHERE s.id = $2::uuid AND s.waitlist_id = $1
       UNION ALL
       SELECT c.id, c.referred_by_id, t.depth + 1 FROM tree t JOIN signups c ON c.referred_by_id = t.id
        WHERE t.depth < $3 AND c.waitlist_id = $1
     )
     SELECT s.id, t.parent_id, t.depth, s.email, s.status, s.referral_count, s.referral_credit, s.created_at
       FROM tree t JOIN signups s ON s.id = t.id
      ORDER BY t.depth, s.created_at, s.id
      LIMIT $4`,
    [waitlistId, signupId, TREE_DEPTH, TREE_MAX_NODES + 1],
  );
  if (rows.length === 0) return null;
  return {
    nodes: rows.slice(0, TREE_MAX_NODES).map((r) => ({
      id: r.id,
      parent_id: r.parent_id,
      depth: r.depth,
      email: r.email,
      status: publicStatus(r.status),
      referrals: r.referral_count,
      credit: r.referral_credit,
      joined_at: r.created_at.toISOString(),
    })),
    truncated: rows.length > TREE_MAX_NODES,
  };
}
