// The dashboard's chosen team: a cookie holding a team id. It only picks among the teams the person is a member
// of (checked on every request); an unknown or foreign id falls back to their personal team. Client-safe.

export const TEAM_COOKIE = "waitforge_team";

const TEAM_ID = /^[0-9a-f-]{36}$/;

export function teamIdFromCookieHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === TEAM_COOKIE && value && TEAM_ID.test(value)) return value;
  }
  return null;
}

export function isTeamId(value: unknown): value is string {
  return typeof value === "string" && TEAM_ID.test(value);
}
