import type { ApiRoute } from "./access-map";

// The access rows of the team routes (app/api/teams/**, app/api/invitations/**), spread into API_ACCESS by
// tests/support/access-map.ts. Kept apart so the team and audit work can each own their rows.
export const TEAM_API_ACCESS: Record<string, ApiRoute> = {};

/** Dashboard pages of the team section, spread into DASHBOARD_PAGES. */
export const TEAM_DASHBOARD_PAGES: Record<string, { ownerSees: string }> = {};
