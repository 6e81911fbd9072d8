import "server-only";
import { AppError } from "@/lib/errors";
import { effectiveCap, plans } from "@/lib/billing/plans";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authorizeTeam, type TeamAccess } from "@/lib/teams/access";
import { PAGE_COLUMNS, readPage, type PageRow, type PageView } from "@/lib/waitlists/row";

// Owner-side reads. Every query is scoped by team: a waitlist of a team the caller is not in looks exactly like a
// missing one (lib/teams/access.ts decides who is in which team with which role).

export type OwnedWaitlist = PageView & {
  team_id: string;
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
  teamId: true,
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
  teamId: string;
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
    team_id: row.teamId,
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

/** The waitlists of one team (the caller's access to it checked by the caller). */
export async function listTeamWaitlists(teamId: string): Promise<OwnedWaitlist[]> {
  const rows = await db().waitlist.findMany({ where: { teamId }, select: SELECT, orderBy: { createdAt: "desc" } });
  return rows.map(toOwnedWaitlist);
}

// Ids are cuids; anything else (a NUL, which PostgreSQL cannot even compare) is no waitlist of anyone's.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const NOT_FOUND = "No waitlist with this id in your account.";

/** A waitlist of a team the caller was already authorized for (a mutation's answer). */
export async function requireTeamWaitlist(teamId: string, id: string): Promise<OwnedWaitlist> {
  const row = ID_PATTERN.test(id) ? await db().waitlist.findFirst({ where: { id, teamId }, select: SELECT }) : null;
  if (!row) throw new AppError("not_found", NOT_FOUND);
  return toOwnedWaitlist(row);
}

/** A waitlist of one of the caller's teams, whatever their role there (null when none). */
export async function findTeamWaitlist(access: Pick<TeamAccess, "memberships">, id: string): Promise<OwnedWaitlist | null> {
  if (!ID_PATTERN.test(id)) return null;
  const teamIds = access.memberships.map((m) => m.teamId);
  const row = await db().waitlist.findFirst({ where: { id, teamId: { in: teamIds } }, select: SELECT });
  return row ? toOwnedWaitlist(row) : null;
}

/**
 * The authorization check of every owner route with a waitlist id: 404 (never 403) when it is not in one of
 * the caller's teams, 403 `forbidden` when their role there is below the route's (lib/api/owner-route.ts).
 */
export async function requireOwnedWaitlist(access: TeamAccess, id: string): Promise<OwnedWaitlist> {
  const w = await findTeamWaitlist(access, id);
  if (!w) throw new AppError("not_found", NOT_FOUND);
  await authorizeTeam(access, w.team_id, NOT_FOUND, w.id);
  return w;
}
