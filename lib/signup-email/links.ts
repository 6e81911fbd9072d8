import { env } from "@/lib/env";
import { sharePath } from "@/lib/signups/service";

// Absolute links in emails, always on the configured origin (never a request's Host).

export function shareUrl(slug: string, refCode: string): string {
  return `${env().appOrigin}${sharePath(slug, refCode)}`;
}

export function statusUrl(slug: string, token: string): string {
  return `${env().appOrigin}/w/${slug}/status/${token}`;
}

/** RFC 8058's one-click target (POST) and, opened in a browser, a page that asks before unsubscribing. */
export function unsubscribeUrl(token: string): string {
  return `${env().appOrigin}/api/public/unsubscribe/${token}`;
}

/** The confirm page the email's own "Unsubscribe" link opens (GET never unsubscribes: scanners prefetch). */
export function unsubscribePagePath(token: string): string {
  return `/unsubscribe/${encodeURIComponent(token)}`;
}

export function unsubscribePageUrl(token: string): string {
  return `${env().appOrigin}${unsubscribePagePath(token)}`;
}

/** The headers that give mail clients a one-click unsubscribe button (RFC 2369 + RFC 8058). */
export function unsubscribeHeaders(token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The double opt-in link: a page that asks before confirming (GET never confirms: scanners prefetch). */
export function confirmPagePath(token: string): string {
  return `/confirm/${encodeURIComponent(token)}`;
}

export function confirmPageUrl(token: string): string {
  return `${env().appOrigin}${confirmPagePath(token)}`;
}

/** "Download my data": the person's JSON file (app/api/public/data/[token]), opened with a status token. */
export function myDataPath(token: string): string {
  return `/api/public/data/${encodeURIComponent(token)}`;
}

export function myDataUrl(token: string): string {
  return `${env().appOrigin}${myDataPath(token)}`;
}

/** "Leave this waitlist": a page that asks first (GET erases nothing), then posts to /api/public/leave/<token>. */
export function leavePagePath(token: string): string {
  return `/leave/${encodeURIComponent(token)}`;
}

export function leavePageUrl(token: string): string {
  return `${env().appOrigin}${leavePagePath(token)}`;
}
