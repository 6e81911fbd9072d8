import "server-only";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/api/respond";
import { clientIpOf } from "@/lib/abuse/client-ip";
import { publicRateLimiter, rateLimitHeaders } from "@/lib/abuse/rate-limit";

// Everything the public endpoints share: CORS for any origin, the per-IP rate limit (checked before any
// database work), and the one error shape.

/** What a browser needs on an actual answer: anyone may read it, rate-limit headers included. */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers":
    "Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy",
};

// Methods, request headers and how long to remember them matter only to the preflight (the CORS spec reads them
// there alone); leaving them off every answer saves three headers on each launch-day request.
const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
};

export type PublicContext = { ip: string; slug: string };

/** Any public route: its own route params, the shared per-IP limit, CORS and the one error shape. */
export function publicRouteWith<P extends Record<string, string>>(
  handler: (req: Request, ctx: { ip: string; params: P }) => Promise<Response>,
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    const params = await route.params;
    const ip = clientIpOf(req.headers);
    const counted = publicRateLimiter().consume(ip);
    const decision = counted instanceof Promise ? await counted : counted;
    const headers = { ...CORS_HEADERS, ...rateLimitHeaders(decision) };
    if (!decision.allowed) {
      const error = new AppError(
        "rate_limited",
        `Too many requests from your network: the limit is ${decision.limit} a minute. Try again in a minute.`,
        undefined,
        { "Retry-After": "60" },
      );
      return jsonError(error, headers);
    }
    let res: Response;
    try {
      res = await handler(req, { ip, params });
    } catch (error) {
      return jsonError(error, headers);
    }
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  };
}

/** The public routes of one waitlist (/api/public/:slug/...). */
export function publicRoute(handler: (req: Request, ctx: PublicContext) => Promise<Response>) {
  return publicRouteWith<{ slug: string }>((req, { ip, params }) => handler(req, { ip, slug: params.slug.toLowerCase() }));
}

/** CORS preflight: answered without touching the limit, since browsers send it on their own. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
}
