import { z } from "zod";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/auth.config";
import { emailSchema } from "@/lib/signups/schemas";

// The sign-in form's rules, pure so the server action, the page and the unit tests share them.

export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

export const signInFormSchema = z.object({
  // The same rules Auth.js's normalizeIdentifier applies (auth.ts), so nothing the form accepts fails later.
  email: emailSchema,
});

/**
 * Where to go after the link is opened: a path on this site only. Anything else (absolute URLs, protocol-
 * relative "//evil.example", backslash tricks, control characters) falls back to the dashboard, so the sign-in
 * page cannot be used as an open redirect.
 */
export function safeCallbackUrl(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return DEFAULT_AFTER_SIGN_IN;
  if (!raw.startsWith("/") || raw.startsWith("//") || hasUnsafeCharacter(raw)) return DEFAULT_AFTER_SIGN_IN;
  try {
    const url = new URL(raw, "http://local.invalid");
    if (url.origin !== "http://local.invalid") return DEFAULT_AFTER_SIGN_IN;
    // The auth pages themselves are no useful destination (and /sign-in would loop).
    if (url.pathname.startsWith("/api/auth") || url.pathname === "/sign-in" || url.pathname === "/check-your-email") {
      return DEFAULT_AFTER_SIGN_IN;
    }
    return url.pathname + url.search + url.hash;
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
}

// Browsers treat a backslash like "/" and drop tabs/newlines, so "/\\evil.example" could leave the site.
function hasUnsafeCharacter(value: string): boolean {
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === "\\" || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export const MAGIC_LINK_MINUTES = Math.round(MAGIC_LINK_MAX_AGE_SECONDS / 60);

/**
 * Auth.js sends people back to pages.error ("/sign-in") with ?error=<type>. Each type gets a sentence that says
 * what happened and what to do; unknown types get a generic one rather than the raw code.
 */
export function authErrorMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  switch (code) {
    case "Verification":
      return `That sign-in link has expired or was already used. Links work once and for ${MAGIC_LINK_MINUTES} minutes; request a new one below.`;
    case "EmailSignin":
      return "We couldn't send the sign-in email just now. Check the address and try again in a moment.";
    case "AccessDenied":
      return "That address isn't allowed to sign in.";
    case "Configuration":
      return "Sign-in isn't configured correctly on our side. Try again later.";
    default:
      return "Something went wrong while signing you in. Request a new link below.";
  }
}

export type SignInState = {
  email: string;
  /** Inline message under the email field. */
  fieldError?: string;
  /** Message above the form (sending failed). */
  formError?: string;
};
