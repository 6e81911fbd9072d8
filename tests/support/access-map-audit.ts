import type { ApiRoute } from "./access-map";

// The access rows of the audit log's routes, spread into API_ACCESS by tests/support/access-map.ts.
// The audit log needs an admin or owner: the team's owner, admin and read-write key read it, a viewer and a
// read-only key get 403, another owner 404 for A's team id (app/api/teams/[teamId]/audit/route.test.ts has more).
export const AUDIT_API_ACCESS: Record<string, ApiRoute> = {
  "/api/teams/:teamId/audit": { who: "owner", methods: { GET: { query: () => "?limit=5", status: 200, role: "admin" } } },
};

/** Dashboard pages of the audit log, spread into DASHBOARD_PAGES. */
export const AUDIT_DASHBOARD_PAGES: Record<string, { ownerSees: string }> = {
  "/dashboard/team/audit": { ownerSees: "Apply filters" },
};
