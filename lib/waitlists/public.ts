import "server-only";
import { plans } from "@/lib/billing/plans";
import type { FieldDefinition } from "@/lib/fields/definitions";
import { readFieldDefinitions } from "@/lib/fields/schemas";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { announceConfigChanged, onConfigChanged } from "@/lib/waitlists/config-bus";
import { expireHostedPage } from "@/lib/waitlists/page-cache";
import { RESTRICTION_COLUMNS, readRestrictions } from "@/lib/restrictions/row";
import type { Restrictions } from "@/lib/restrictions/schemas";
import { PAGE_COLUMNS, readPage, type PageView } from "@/lib/waitlists/row";
import { SLUG_PATTERN, type PublicConfig } from "@/lib/waitlists/schemas";

// A waitlist as the public side sees it, cached in process: on launch day thousands of reads of one slug a
// minute must not each hit Postgres. Owner writes call invalidatePublicWaitlist(): this process drops its copy
// at once, and other instances within a second through Redis (config-bus.ts) when REDIS_URL is set, otherwise
// within CONFIG_CACHE_MS (at most 60 s, the documented edge cache lifetime).

export type PublicWaitlist = PageView & {
  plan: "FREE" | "PRO";
  branding: boolean;
  isOpen: boolean;
  /** Never published: checked against the captcha's hostname on signup. */
  allowedHosts: string[];
  /** Signups are stored pending until they confirm an emailed link (lib/signups/confirmation.ts). */
  doubleOptIn: boolean;
  /** Never published: the owner's sign-up restrictions, checked on signup (lib/restrictions/check.ts). */
  restrictions: Restrictions;
  /** The owner's questions, archived ones included (lib/fields); published by /api/public/:slug/fields. */
  customFields: FieldDefinition[];
};

type Entry = { value: PublicWaitlist | null; expiresAt: number };

const MAX_ENTRIES = 5000;
const NEGATIVE_TTL_MS = 5000;
const holder = globalThis as typeof globalThis & { __waitforgeConfigCache?: Map<string, Entry> };
const cache: Map<string, Entry> = (holder.__waitforgeConfigCache ??= new Map());
const listening = globalThis as typeof globalThis & { __waitforgeConfigListening?: boolean };

/** Drops entries other instances announce as changed (lib/waitlists/config-bus.ts); once per process. */
function listenForChanges(): void {
  if (listening.__waitforgeConfigListening) return;
  listening.__waitforgeConfigListening = true;
  onConfigChanged((slug) => cache.delete(slug));
}

export async function getPublicWaitlist(rawSlug: string): Promise<PublicWaitlist | null> {
  // Slugs are stored lower-case; /w/Acme-AI finds /w/acme-ai as the API does.
  const slug = rawSlug.toLowerCase();
  if (!SLUG_PATTERN.test(slug)) return null;
  listenForChanges();
  const ttl = env().CONFIG_CACHE_MS;
  const now = Date.now();
  const hit = cache.get(slug);
  if (hit && hit.expiresAt > now) return hit.value;

  const row = await db().waitlist.findUnique({
    where: { slug },
    select: { ...PAGE_COLUMNS, allowedHosts: true, doubleOptIn: true, ...RESTRICTION_COLUMNS, customFields: true },
  });
  const value: PublicWaitlist | null = row
    ? {
        ...readPage(row),
        plan: row.plan,
        branding: plans()[row.plan].branding,
        isOpen: row.isOpen,
        allowedHosts: row.allowedHosts,
        doubleOptIn: row.doubleOptIn,
        restrictions: readRestrictions(row),
        customFields: readFieldDefinitions(row.customFields),
      }
    : null;
  if (ttl > 0) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(slug, { value, expiresAt: now + (value ? ttl : Math.min(ttl, NEGATIVE_TTL_MS)) });
  }
  return value;
}

/**
 * After an owner's edit: this process at once (its config and its cached hosted page), every other instance's
 * config within a second when Redis is there, and their cached pages at their next revalidation.
 */
export function invalidatePublicWaitlist(slug: string): void {
  cache.delete(slug);
  expireHostedPage(slug);
  announceConfigChanged(slug);
}

/** Tests switch configuration between cases. */
export function resetPublicWaitlistCache(): void {
  cache.clear();
  listening.__waitforgeConfigListening = false;
}

export function toPublicConfig(w: Omit<PublicWaitlist, "allowedHosts" | "restrictions" | "customFields">): PublicConfig {
  return {
    title: w.title,
    description: w.description,
    theme: w.theme,
    fields: w.fields,
    branding: w.branding,
    turnstile_site_key: env().TURNSTILE_SITE_KEY ?? "",
  };
}
