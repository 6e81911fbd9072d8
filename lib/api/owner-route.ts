import "server-only";
import type { z } from "zod";
import { readJsonObject } from "@/lib/api/body";
import { assertNoNul } from "@/lib/api/nul";
import { AppError } from "@/lib/errors";
import { jsonError, withHeaders } from "@/lib/api/respond";
import { ownerFromSessionToken, sessionTokenFromRequest, type Owner } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { authenticateKey, bearerToken, type KeyScope } from "@/lib/keys/authenticate";
import { spendKeyRequest } from "@/lib/keys/rate-limit";

// The one gate of every owner route: a signed-in owner or an owner API key (401 otherwise), a same-origin
// browser request for anything a cookie changes (403), a write-scoped key for anything a key changes (403), and
// the one error shape. A request that sends `Authorization: Bearer` is judged by its key alone: a wrong key is
// 401 even when a session cookie rides along, and a key request skips the Origin check (no browser sends a
// bearer key by itself, so it cannot be forged cross-site). Loading a waitlist by id AND owner happens in
// lib/waitlists/queries.ts (`requireOwnedWaitlist`), which every route with an :id calls. Each key has its own
// per-minute limit (OWNER_KEY_RATE_LIMIT, 429 with RateLimit-* and Retry-After); sessions have none here.

type RouteContext<P> = { params: Promise<P> };
/** Who is calling: the dashboard's session, or an API key (with its id, for rate limits and the audit trail). */
export type OwnerActor = { kind: "session" } | { kind: "key"; keyId: string; scope: KeyScope };
export type OwnerContext<P> = { owner: Owner; actor: OwnerActor; params: P };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OwnerRouteOptions = {
  /** false: only the dashboard's session may call (key management: a leaked key must not mint keys). */
  keys?: boolean;
};

export function ownerRoute<P = Record<string, never>>(
  handler: (req: Request, ctx: OwnerContext<P>) => Promise<Response>,
  options: OwnerRouteOptions = {},
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      const { owner, actor } = await authenticate(req);
      if (actor.kind === "key") {
        // Counted before the scope checks, so a key that keeps hammering refused calls is slowed down too.
        headers = await spendKeyRequest(actor.keyId);
        authorizeKey(req, actor, options);
      }
      return withHeaders(await handler(req, { owner, actor, params: await route.params }), headers);
    } catch (error) {
      return jsonError(error, headers);
    }
  };
}


async function authenticate(req: Request): Promise<{ owner: Owner; actor: OwnerActor }> {
  const bearer = bearerToken(req);
  if (bearer !== null) {
    const key = await authenticateKey(bearer);
    if (!key) throw new AppError("unauthorized", "This API key is not valid: it is unknown or was revoked.");
    return { owner: key.owner, actor: { kind: "key", keyId: key.keyId, scope: key.scope } };
  }
  if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
  const owner = await ownerFromSessionToken(sessionTokenFromRequest(req));
  if (!owner) throw new AppError("unauthorized", "Sign in, or send an API key as `Authorization: Bearer wf_live_…`.");
  return { owner, actor: { kind: "session" } };
}

function authorizeKey(req: Request, actor: Extract<OwnerActor, { kind: "key" }>, options: OwnerRouteOptions): void {
  if (options.keys === false) {
    throw new AppError("forbidden", "API keys cannot manage API keys: sign in to the dashboard to create or revoke them.");
  }
  if (!SAFE_METHODS.has(req.method) && actor.scope !== "write") {
    throw new AppError("forbidden", "This API key is read-only; create a read-write key to make changes.");
  }
}

/**
 * CSRF defence on top of SameSite=Lax cookies: a browser always sends Origin (or at least Sec-Fetch-Site)
 * on a cross-site POST/PATCH/DELETE, and it must be our own. Requests with neither header come from
 * non-browser clients, which cannot be tricked into sending a victim's cookie.
 */
function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const allowed = new Set([new URL(env().APP_URL).origin, new URL(req.url).origin]);
  const authUrl = env().AUTH_URL;
  if (authUrl) allowed.add(new URL(authUrl).origin);
  if (origin ? !allowed.has(origin) : site !== null && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden_origin", "This request came from another site and was refused.");
  }
}

/** Parses a JSON body with a zod schema into the one error shape (400 naming the field). */
export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  return parseWith(schema, await readJsonObject(req, 64 * 1024));
}

/** Parses the query string with a zod schema, the same way. */
export function parseQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  assertNoNul(query);
  return parseWith(schema, query);
}

function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || undefined;
    throw new AppError("invalid_input", issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid input.", field);
  }
  return parsed.data;
}
