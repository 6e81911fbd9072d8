import { db } from "@/lib/db";
import { TEAM_COOKIE } from "@/lib/teams/current";
import { minimumRole, type ApiCall, type ApiRoute, type HttpMethod, type MinRole } from "@/tests/support/access-map";
import type { AccessWorld } from "@/tests/support/access-world";

// The callers of the role half of the access table (tests/access/api-access.test.ts): every kind of member of
// A's team, each with the role it acts with. Kept here, independent of lib/teams/roles.ts, so a wrong rank in
// the app's table cannot make this test agree with it.

export type RoleCaller = {
  label: string;
  role: MinRole;
  kind: "session" | "key";
  /** The request's credentials in `world`. Keys are sent without an Origin, as a server-side client sends them. */
  auth: (world: AccessWorld) => { cookie?: string; headers?: Record<string, string> };
};

export const ROLE_CALLERS: readonly RoleCaller[] = [
  { label: "team owner (A)", role: "owner", kind: "session", auth: (w) => ({ cookie: w.a.cookie }) },
  { label: "team admin", role: "admin", kind: "session", auth: (w) => ({ cookie: w.admin.cookie }) },
  { label: "team viewer", role: "viewer", kind: "session", auth: (w) => ({ cookie: w.viewer.cookie }) },
  { label: "read-write key (acts as admin)", role: "admin", kind: "key", auth: (w) => bearer(w.keySecret) },
  { label: "read-only key (acts as viewer)", role: "viewer", kind: "key", auth: (w) => bearer(w.keys.aRead) },
];

function bearer(secret: string) {
  return { headers: { authorization: `Bearer ${secret}`, origin: "" } };
}

/**
 * B, who is in no team of A's, three ways: signed in, having picked A's team in the dashboard's cookie (a choice
 * among B's own teams only, so B stays in their own), and with B's key. An id of A's team is no id at all for
 * them (404); a route that names none acts in B's own team, where B is the owner and B's key an admin.
 */
export const STRANGERS: readonly RoleCaller[] = [
  { label: "stranger (B)", role: "owner", kind: "session", auth: (w) => ({ cookie: w.b.cookie }) },
  { label: "stranger picking A's team", role: "owner", kind: "session", auth: (w) => ({ cookie: `${w.b.cookie}; ${TEAM_COOKIE}=${w.teamId}` }) },
  { label: "stranger's key (B's team)", role: "admin", kind: "key", auth: (w) => bearer(w.keys.b) },
];

/**
 * What a stranger gets: a refusal (status, code), or "own" (the row's allowed answer, from B's own team). A
 * route whose body names A's team (`othersNotFound`) is a 404 like an id in the path.
 */
export function strangerAnswer(
  stranger: RoleCaller,
  pattern: string,
  route: ApiRoute,
  method: HttpMethod,
  call: ApiCall,
): { status: number; code?: string } | "own" {
  if (stranger.kind === "key" && sessionOnly(route, call)) return { status: 403, code: "forbidden" };
  if (namesAnId(pattern) || route.othersNotFound) return { status: 404, code: "not_found" };
  return mayCall(stranger, route, method, call, false) ? "own" : { status: 403, code: "forbidden" };
}

const RANK: Record<MinRole, number> = { viewer: 0, admin: 1, owner: 2 };

/**
 * Whether `caller` may make the call: a key never on a session-only route; nobody below the call's minimum
 * role; a viewer's session never takes personal data in bulk unless the team allows it (a read key may: that
 * is what read keys are for).
 */
export function mayCall(
  caller: Pick<RoleCaller, "role" | "kind">,
  route: ApiRoute,
  method: HttpMethod,
  call: ApiCall,
  viewersCanExport: boolean,
): boolean {
  if (caller.kind === "key" && sessionOnly(route, call)) return false;
  if (RANK[caller.role] < RANK[minimumRole(method, call)]) return false;
  if (call.personalData && caller.kind === "session" && caller.role === "viewer" && !viewersCanExport) return false;
  return true;
}

/** What an owner of the team does in its settings: let viewers download personal data (or not). */
export async function setViewersCanExport(world: AccessWorld, allowed: boolean): Promise<void> {
  await db().team.update({ where: { id: world.teamId }, data: { viewersCanExport: allowed }, select: { id: true } });
}

/** A person's call only (the route's or just this method's): every key gets 403 forbidden. */
export const sessionOnly = (route: ApiRoute, call: ApiCall) => route.sessionOnly === true || call.sessionOnly === true;

/** Route params named in the pattern: ":teamId", ":userId", ... */
export const namesAnId = (pattern: string) => /:\w+/.test(pattern);
