// The one table of team roles: what each may do. Client-safe (the dashboard shows these words and hides what
// a role cannot use); the server's checks are in lib/teams/access.ts and lib/api/owner-route.ts.

export const ROLES = ["owner", "admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 };

export function roleAtLeast(role: Role, need: Role): boolean {
  return RANK[role] >= RANK[need];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", viewer: "Viewer" };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, plus billing, deleting waitlists and managing members.",
  admin: "Settings, letting people in, removals, imports, exports, API keys and webhooks.",
  viewer: "Sees the dashboard; changes nothing; exports personal data only if the owners allow it.",
};
