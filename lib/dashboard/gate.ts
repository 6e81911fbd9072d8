import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentOwner, type Owner } from "@/lib/auth/session";
import { membershipsOf, pickCurrentTeam, type Membership } from "@/lib/teams/access";
import { TEAM_COOKIE } from "@/lib/teams/current";
import type { Role } from "@/lib/teams/roles";
import { findTeamWaitlist, type OwnedWaitlist } from "@/lib/waitlists/queries";

// The one gate of dashboard layouts and pages (route handlers have theirs in lib/api/owner-route.ts). A layout
// and its page render in the same request but not in a fixed order, and a tab switch re-renders only the page,
// so each checks for itself; React's cache() makes that one session lookup, one membership read and one waitlist
// read per request. Every page is readable by every member (viewers included); what a role may change is
// decided by the API, and pages hide or disable the controls a role cannot use (`canEdit`).

const owner = cache(currentOwner);
const memberships = cache((userId: string) => membershipsOf(userId));
const teamWaitlist = cache((userId: string, id: string) =>
  memberships(userId).then((m) => findTeamWaitlist({ memberships: m }, id)),
);

export type DashboardTeams = { owner: Owner; memberships: Membership[]; current: Membership };

/** The signed-in person, or a redirect to sign-in that comes back to `returnTo`. */
export async function dashboardOwner(returnTo: string): Promise<Owner> {
  const signedIn = await owner();
  if (!signedIn) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return signedIn;
}

/** The person's teams and the one chosen in the dashboard (cookie), or their personal team. */
export async function dashboardTeams(returnTo = "/dashboard"): Promise<DashboardTeams> {
  const signedIn = await dashboardOwner(returnTo);
  const mine = await memberships(signedIn.id);
  const chosen = (await cookies()).get(TEAM_COOKIE)?.value ?? null;
  const currentId = pickCurrentTeam(mine, chosen);
  const current = mine.find((m) => m.teamId === currentId);
  if (!current) throw new Error(NO_TEAM_MESSAGE);
  return { owner: signedIn, memberships: mine, current };
}

/**
 * Every user has a personal team (a trigger on users) they cannot leave, so a signed-in person in no team is an
 * account being deleted or a broken one. Redirecting to /sign-in looped (sign-in sends a signed-in person back to
 * /dashboard), and notFound() would call it a missing page. So this is an error: the error boundary above the
 * failing segment renders (app/error.tsx for the dashboard's layout, whose error boundary is its parent's), with
 * a retry and the digest; this message is in the server log under that digest (production hides it from the
 * browser, development shows it).
 */
export const NO_TEAM_MESSAGE =
  "This account is not in any team, not even its personal one: the dashboard can't open. It may be in the middle of being deleted; if not, contact support.";

export type DashboardWaitlist = OwnedWaitlist & { role: Role; canEdit: boolean };

/** A waitlist of one of the person's teams, with their role there; any other id is a 404 exactly like a missing one. */
export async function dashboardWaitlist(id: string, returnTo = `/dashboard/w/${id}`): Promise<DashboardWaitlist> {
  const signedIn = await dashboardOwner(returnTo);
  const waitlist = await teamWaitlist(signedIn.id, id);
  if (!waitlist) notFound();
  const role = (await memberships(signedIn.id)).find((m) => m.teamId === waitlist.team_id)?.role;
  if (!role) notFound();
  return { ...waitlist, role, canEdit: role !== "viewer" };
}
