import "server-only";
import { unstable_cache } from "next/cache";
import { env } from "@/lib/env";
import { refCodeFrom } from "@/lib/signup-rules";
import { getAvailability, type Availability } from "@/lib/waitlists/availability";
import { captchaThemeOn } from "@/lib/waitlists/contrast";
import { HOSTED_PAGE_REVALIDATE_S, hostedPageTag } from "@/lib/waitlists/page-cache";
import { getPublicWaitlist, type PublicWaitlist } from "@/lib/waitlists/public";
import { SLUG_PATTERN, type Theme } from "@/lib/waitlists/schemas";

// Small helpers the hosted routes (page, status, embed, QR, OG image) share.

/** The public origin that share links, QR codes and OG tags point at (APP_URL: the canonical host). */
export function appOrigin(): string {
  return new URL(env().APP_URL).origin;
}

export function absoluteUrl(path: string): string {
  return new URL(path, appOrigin()).href;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** ?ref=CODE when it is shaped like a ref code, upper-cased (people retype codes); otherwise null. */
export function refFromSearch(search: SearchParams | URLSearchParams): string | null {
  const raw = search instanceof URLSearchParams ? search.get("ref") : search.ref;
  return refCodeFrom(Array.isArray(raw) ? raw[0] : raw);
}

/** Turnstile's own light/dark look, matched to the owner's background. */
export function captchaThemeFor(theme: Pick<Theme, "bg">): "light" | "dark" {
  return captchaThemeOn(theme.bg);
}

export function defaultDescription(title: string): string {
  return `Join the waitlist for ${title} and be the first to know when it launches.`;
}

/** What the hosted page shows: the public config (not the allowed hosts, never published) and its state. */
export type HostedPageView = { waitlist: Omit<PublicWaitlist, "allowedHosts" | "restrictions">; availability: Availability };

async function loadView(slug: string): Promise<HostedPageView | null> {
  const found = await getPublicWaitlist(slug);
  if (!found) return null;
  const availability = await getAvailability(found.id);
  if (!availability) return null;
  const { allowedHosts: _private, restrictions: _rules, ...waitlist } = found;
  return { waitlist, availability };
}

/** The cached hosted page's data, tagged with its waitlist so that an owner's edit expires the page (page-cache.ts). */
export async function hostedPageView(rawSlug: string): Promise<HostedPageView | null> {
  const slug = rawSlug.toLowerCase();
  // Never a waitlist, and no tag to carry (tags are at most 256 characters).
  if (!SLUG_PATTERN.test(slug)) return null;
  return unstable_cache(() => loadView(slug), ["hosted-page", slug], {
    tags: [hostedPageTag(slug)],
    revalidate: HOSTED_PAGE_REVALIDATE_S,
  })();
}
