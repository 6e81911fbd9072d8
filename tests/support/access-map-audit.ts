import type { ApiRoute } from "./access-map";

// The access rows of the audit log's routes, spread into API_ACCESS by tests/support/access-map.ts.
export const AUDIT_API_ACCESS: Record<string, ApiRoute> = {};

/** Dashboard pages of the audit log, spread into DASHBOARD_PAGES. */
export const AUDIT_DASHBOARD_PAGES: Record<string, { ownerSees: string }> = {};
