// Response headers that protect every answer (next.config headers()) and the Content-Security-Policy of
// pages (proxy.ts, per request, because its script nonce must be new each time). Kept together so the rules
// and their one exception, the iframe embed that customers put on their own sites, live in one place.

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/** Cloudflare Turnstile: its script, its iframe, and what the iframe talks to. */
export const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";

/** The iframe embed, the only page other sites may frame. */
export const FRAMEABLE_PAGE = /^\/w\/[^/]+\/embed\/?$/;

/**
 * Pages Next prerenders at build time (○ in `next build`): their HTML is the same for everyone, so it cannot
 * carry a per-request nonce. They show no user-controlled content; their CSP allows the framework's inline
 * bootstrap instead. The e2e hydration checks fail if a prerendered page is missing here (its scripts would be
 * blocked). Unmatched paths get the prerendered 404, which works without scripts.
 */
export const PRERENDERED_PAGES = new Set(["/", "/check-your-email"]);

/** Headers for every path (pages, APIs, files). Route handlers' own CSP (the QR SVG's) is left alone. */
export function baselineHeaders(): HeaderRule[] {
  const everywhere = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ];
  return [
    { source: "/:path*", headers: everywhere },
    {
      // Everything except /w/<slug>/embed (a negative lookahead in Next's path syntax): no framing.
      source: "/:path((?!w/[^/]+/embed$).*)",
      headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }],
    },
  ];
}

export type PageCspOptions = { nonce: string | null; frameable: boolean; development: boolean };

/** The CSP of an HTML page: scripts only with this request's nonce (or, prerendered, from our origin). */
export function pageCsp({ nonce, frameable, development }: PageCspOptions): string {
  const scripts = nonce
    ? [`'nonce-${nonce}'`, "'strict-dynamic'"]
    : ["'self'", "'unsafe-inline'", TURNSTILE_ORIGIN];
  // React's dev tooling evaluates code; never in production.
  if (development) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Themes are applied through style attributes of validated values; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    // Owners' logos and hero images are any http(s) URL.
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    `connect-src 'self' ${TURNSTILE_ORIGIN}${development ? " ws: wss:" : ""}`,
    `frame-src ${TURNSTILE_ORIGIN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameable ? "*" : "'self'"}`,
  ].join("; ");
}

/** HSTS for answers on https: browsers then refuse plain http for this host for a year. */
export const HSTS = "max-age=31536000; includeSubDomains";
