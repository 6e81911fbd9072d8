import {
  ATTRIBUTION_MAX_LENGTH,
  cleanAttributionText,
  referrerHost,
  UTM_KEYS,
  type AttributionInput,
} from "@/lib/attribution/rules";

// What a signup form sends as `attribution`, read in the browser at the moment of signing up: the utm_* of the
// page's own URL (the hosted page's, the iframe's, or for the script embed the host page's) and the site that
// sent the visitor there (document.referrer, host only). A referrer on the page's own host is navigation
// inside the site, not a source, and is left out. Plain TypeScript: the script embed bundles it.

export function collectAttribution(href: string, referrer: string): AttributionInput | null {
  const out: AttributionInput = {};
  let page: URL | null = null;
  try {
    page = new URL(href);
  } catch {
    // No usable URL: the referrer may still say something.
  }
  for (const key of UTM_KEYS) {
    const value = cleanAttributionText(page?.searchParams.get(key) ?? "").slice(0, ATTRIBUTION_MAX_LENGTH).trim();
    if (value) out[key] = value;
  }
  const from = referrerHost(referrer);
  const own = page ? referrerHost(page.hostname) : null;
  if (from && from !== own) out.referrer = from;
  return Object.keys(out).length > 0 ? out : null;
}

/** The attribution of the current page, or null outside a browser. */
export function pageAttribution(): AttributionInput | null {
  if (typeof window === "undefined" || typeof document === "undefined") return null;
  return collectAttribution(window.location.href, document.referrer);
}
