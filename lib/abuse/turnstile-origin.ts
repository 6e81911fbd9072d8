import { TURNSTILE_ACTIONS } from "@/lib/abuse/turnstile-actions";

// Whether a solved captcha comes from a place this waitlist takes signups from. A token is bound by Cloudflare
// to the widget's action and the page's hostname; without this check a token minted anywhere our site key is
// rendered (another form of ours, a site copying the embed) would be spent on any waitlist.
//   - the action must be one of ours, or none (API clients may omit it);
//   - the hosted page is only ever on our own host;
//   - when the owner lists allowed sites, every signup's captcha must come from our host or one of them.
// Pure, so the rules are tested without Cloudflare; Turnstile's "off" mode (development) has no hostname.

export type CaptchaOrigin = { action: string; hostname: string };
export type OriginPolicy = { appHostname: string; allowedHosts: readonly string[] };

const KNOWN_ACTIONS = new Set<string>(["", ...Object.values(TURNSTILE_ACTIONS)]);

/** null when accepted; otherwise a short reason for the log. */
export function captchaOriginProblem(origin: CaptchaOrigin, policy: OriginPolicy): string | null {
  if (!KNOWN_ACTIONS.has(origin.action)) return `action-mismatch:${origin.action.slice(0, 32)}`;
  const host = origin.hostname.toLowerCase();
  if (origin.action === TURNSTILE_ACTIONS.hosted && host !== policy.appHostname) return "hostname-mismatch";
  if (policy.allowedHosts.length > 0 && host !== policy.appHostname && !policy.allowedHosts.some((p) => hostMatches(p, host))) {
    return "hostname-not-allowed";
  }
  return null;
}

/** `example.com` matches itself; `*.example.com` matches any subdomain of it (not the bare domain). */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}
