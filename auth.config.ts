// Auth settings shared by auth.ts (the Auth.js instance) and proxy.ts (which only redirects and must not
// load the database). No secrets or server modules here.

/** The owner session cookie (README, "Owner API"); the public API (lib/api/openapi.ts) needs none. */
export const SESSION_COOKIE = "waitforge_session";

/** Magic links work once and expire after this long. */
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/** Sessions last 30 days from sign-in. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const AUTH_PAGES = {
  signIn: "/sign-in",
  verifyRequest: "/check-your-email",
  error: "/sign-in",
} as const;
