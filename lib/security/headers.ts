// Response headers that protect every answer (next.config headers()) and the Content-Security-Policy of
// pages (proxy.ts, per request, because its script nonce must be new each time; pages served from one cached
// copy get the policy without a nonce, see servesSharedHtml). Kept together so the rules
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

/** The hosted waitlist page /w/<slug> and its shared-link form /w/<slug>/r/<code> (proxy.ts rewrites ?ref= there). */
export const HOSTED_PAGE = /^\/w\/([^/]+)(\/r\/[^/]+)?\/?$/;

/**
 * Pages whose HTML is one cached copy for every visitor, so no per-request nonce: the prerendered pages, and the
 * hosted page, which Next serves from its cache (ISR) because a launch-day crowd must not render it per request.
 * The hosted page does show owner-controlled content, and it is safe under the shared-HTML policy because none
 * of it can become script: React renders the title, description and form text as escaped text nodes (never
 * dangerouslySetInnerHTML), images only as http(s) <img> sources (safeImageUrl), and theme values reach style
 * attributes only after the theme schema validated them (hex colours, enumerated fonts and radii). The rest of
 * the policy (object-src, base-uri, form-action, frame-ancestors, connect-src) is the same as everywhere.
 * e2e/xss.spec.ts puts hostile text in every owner field and checks that nothing runs on this page.
 */
export function servesSharedHtml(path: string): boolean {
  return PRERENDERED_PAGES.has(path) || HOSTED_PAGE.test(path);
}

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

/** The CSP of an HTML page: scripts only with this request's nonce (or, shared HTML, from our origin). */
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
