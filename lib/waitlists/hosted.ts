import "server-only";
import { env } from "@/lib/env";
import { refCodeFrom } from "@/lib/signup-rules";
import { captchaThemeOn } from "@/lib/waitlists/contrast";
import type { Theme } from "@/lib/waitlists/schemas";

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
