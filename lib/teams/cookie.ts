import "server-only";
import { secureCookies } from "@/lib/auth/cookies";
import { TEAM_COOKIE } from "@/lib/teams/current";

// The Set-Cookie header that makes a team the dashboard's current one (lib/teams/current.ts). httpOnly (no
// script needs it), SameSite=Lax like the session, Secure whenever the app is served over https. It is only a
// preference: every request checks the person is still a member before using it.

const YEAR_SECONDS = 365 * 24 * 3600;

export function teamCookieHeader(teamId: string): string {
  const parts = [`${TEAM_COOKIE}=${teamId}`, "Path=/", `Max-Age=${YEAR_SECONDS}`, "HttpOnly", "SameSite=Lax"];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}
