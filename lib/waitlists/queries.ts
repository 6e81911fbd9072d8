import "server-only";
import { AppError } from "@/lib/errors";
import { effectiveCap, plans } from "@/lib/billing/plans";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { PAGE_COLUMNS, readPage, type PageRow, type PageView } from "@/lib/waitlists/row";

// Owner-side reads. Every query is scoped by owner id; another owner's id looks exactly like a missing one.

export type OwnedWaitlist = PageView & {
  capacity: number | null;
  referral_boost: number;
  is_open: boolean;
  allowed_hosts: string[];
  double_opt_in: boolean;
  plan: "FREE" | "PRO";
  signup_count: number;
  waiting_count: number;
  cap: number | null;
  full: boolean;
  created_at: string;
  referral_digest: boolean;
};

const SELECT = {
  ...PAGE_COLUMNS,
  capacity: true,
  referralBoost: true,
  allowedHosts: true,
  doubleOptIn: true,
  signupCount: true,
  waitingCount: true,
  createdAt: true,
  referralDigest: true,
} as const;

type Row = PageRow & {
  capacity: number | null;
  referralBoost: number;
  allowedHosts: string[];
  doubleOptIn: boolean;
  signupCount: number;
  waitingCount: number;
  createdAt: Date;
  referralDigest: boolean;
};

export function toOwnedWaitlist(row: Row): OwnedWaitlist {
  const cap = effectiveCap(plans(env().FREE_SIGNUP_CAP)[row.plan], row.capacity);
  return {
    ...readPage(row),
    capacity: row.capacity,
    referral_boost: row.referralBoost,
    is_open: row.isOpen,
    allowed_hosts: row.allowedHosts,
    double_opt_in: row.doubleOptIn,
    plan: row.plan,
    signup_count: row.signupCount,
    waiting_count: row.waitingCount,
    cap,
    full: cap !== null && row.signupCount >= cap,
    created_at: row.createdAt.toISOString(),
    referral_digest: row.referralDigest,
  };
}

export async function listOwnerWaitlists(ownerId: string): Promise<OwnedWaitlist[]> {
  const rows = await db().waitlist.findMany({ where: { ownerId }, select: SELECT, orderBy: { createdAt: "desc" } });
  return rows.map(toOwnedWaitlist);
}

// Ids are cuids; anything else (a NUL, which PostgreSQL cannot even compare) is no waitlist of anyone's.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export async function findOwnedWaitlist(ownerId: string, id: string): Promise<OwnedWaitlist | null> {
  if (!ID_PATTERN.test(id)) return null;
  const row = await db().waitlist.findFirst({ where: { id, ownerId }, select: SELECT });
  return row ? toOwnedWaitlist(row) : null;
}

/** The authorization check of every owner route with a waitlist id: 404 (never 403) when not theirs. */
export async function requireOwnedWaitlist(ownerId: string, id: string): Promise<OwnedWaitlist> {
  const w = await findOwnedWaitlist(ownerId, id);
  if (!w) throw new AppError("not_found", "No waitlist with this id in your account.");
  return w;
}
