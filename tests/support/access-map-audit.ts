import type { ApiRoute } from "./access-map";

// The access rows of the audit log's routes, spread into API_ACCESS by tests/support/access-map.ts.
// The audit log needs an admin or owner: the fixture owner (and their read-write key) reads it; another owner
// gets 404 for A's team id. Viewers' 403 is covered in app/api/teams/[teamId]/audit/route.test.ts.
export const AUDIT_API_ACCESS: Record<string, ApiRoute> = {
  "/api/teams/:teamId/audit": { who: "owner", methods: { GET: { query: () => "?limit=5", status: 200 } } },
};

/** Dashboard pages of the audit log, spread into DASHBOARD_PAGES. */
export const AUDIT_DASHBOARD_PAGES: Record<string, { ownerSees: string }> = {
  "/dashboard/team/audit": { ownerSees: "Apply filters" },
};
