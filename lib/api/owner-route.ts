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
import { recordRequest } from "@/lib/audit/record";
import { membershipsOf, pickCurrentTeam, type TeamAccess } from "@/lib/teams/access";
import { teamIdFromCookieHeader } from "@/lib/teams/current";
import type { Role } from "@/lib/teams/roles";

// The one gate of every owner route: a signed-in person or an owner API key (401 otherwise), a same-origin
// browser request for anything a cookie changes (403), the team role the route needs (403 `forbidden`; not a
// member of the team is 404, as a missing id), one audit record for every change that succeeds, and the one
// error shape. A request that sends `Authorization: Bearer` is judged by its key alone: a wrong key is 401 even
// when a session cookie rides along, and a key request skips the Origin check (no browser sends a bearer key by
// itself, so it cannot be forged cross-site). A key acts in its own team as an admin (write scope) or a viewer
// (read scope; it may still export, which is what read keys are for). Which team or waitlist a request touches
// is checked where it is loaded (`requireOwnedWaitlist`, `requireTeam`), against `ctx.access`, which carries
// the route's minimum role. Each key has its own per-minute limit (OWNER_KEY_RATE_LIMIT, 429 with RateLimit-*
// and Retry-After); sessions have none here.

type RouteContext<P> = { params: Promise<P> };
/** Who is calling: the dashboard's session, or an API key (with its id, for rate limits and the audit trail). */
export type OwnerActor = { kind: "session" } | { kind: "key"; keyId: string; scope: KeyScope };
export type OwnerContext<P> = {
  /** The signed-in person; null for an API key. */
  user: Owner | null;
  actor: OwnerActor;
  access: TeamAccess;
  params: P;
  /** Adds details to this request's audit record (what changed, in words the log can show). */
  audit: (details: Record<string, unknown>) => void;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OwnerRouteOptions = {
  /** false: only the dashboard's session may call (key management, billing: a leaked key must not reach them). */
  keys?: boolean;
  /** The least team role: by default viewer for reads, admin for changes. */
  role?: Role;
  /** Hands out personal data in bulk (the CSV export): a viewer only where the team allows it; audited. */
  personalData?: boolean;
  /** false: a change that is no change of the team's (switching the dashboard's team): not audited. */
  audit?: boolean;
};

export function ownerRoute<P = Record<string, never>>(
  handler: (req: Request, ctx: OwnerContext<P>) => Promise<Response>,
  options: OwnerRouteOptions = {},
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      const need = options.role ?? (SAFE_METHODS.has(req.method) ? "viewer" : "admin");
      const { user, actor, access } = await authenticate(req, need, options.personalData === true);
      if (actor.kind === "key") {
        // Counted before the scope checks, so a key that keeps hammering refused calls is slowed down too.
        headers = await spendKeyRequest(actor.keyId);
        if (options.keys === false) {
          throw new AppError("forbidden", "API keys can't do this: sign in to the dashboard (managing keys and billing needs a person).");
        }
      }
      const params = await route.params;
      const audited = options.audit !== false && (!SAFE_METHODS.has(req.method) || options.personalData === true);
      const details: Record<string, unknown> = {};
      const ctx: OwnerContext<P> = { user, actor, access, params, audit: (more) => Object.assign(details, more) };
      const response = await handler(req, ctx);
      if (audited && response.status < 400) {
        // What was changed: the field names of the body as the route's schema accepted it (never the raw body,
        // whose keys are the caller's to choose, and never values).
        const fields = PARSED_FIELDS.get(req);
        await recordRequest(req, access, params, fields && details.fields === undefined ? { fields, ...details } : details);
      }
      return withHeaders(response, headers);
    } catch (error) {
      return jsonError(error, headers);
    }
  };
}

async function authenticate(
  req: Request,
  need: Role,
  personalData: boolean,
): Promise<{ user: Owner | null; actor: OwnerActor; access: TeamAccess }> {
  const bearer = bearerToken(req);
  if (bearer !== null) {
    const key = await authenticateKey(bearer);
    if (!key) throw new AppError("unauthorized", "This API key is not valid: it is unknown or was revoked.");
    const access: TeamAccess = {
      actor: { kind: "key", keyId: key.keyId, label: key.label, scope: key.scope },
      memberships: [{ teamId: key.teamId, name: key.teamName, role: key.scope === "write" ? "admin" : "viewer", personal: false }],
      currentTeamId: key.teamId,
      need,
      personalData,
      resolved: null,
    };
    return { user: null, actor: { kind: "key", keyId: key.keyId, scope: key.scope }, access };
  }
  if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
  const user = await ownerFromSessionToken(sessionTokenFromRequest(req));
  if (!user) throw new AppError("unauthorized", "Sign in, or send an API key as `Authorization: Bearer wf_live_…`.");
  const memberships = await membershipsOf(user.id);
  const currentTeamId = pickCurrentTeam(memberships, teamIdFromCookieHeader(req.headers.get("cookie"))) ?? "";
  const access: TeamAccess = {
    actor: { kind: "session", userId: user.id, email: user.email },
    memberships,
    currentTeamId,
    need,
    personalData,
    resolved: null,
  };
  return { user, actor: { kind: "session" }, access };
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

/** The top-level field names of each request's validated JSON body, for its audit record. */
const PARSED_FIELDS = new WeakMap<Request, string[]>();

/** Parses a JSON body with a zod schema into the one error shape (400 naming the field). */
export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const raw = await readJsonObject(req, 64 * 1024);
  const data = parseWith(schema, raw);
  // The fields the caller sent AND the schema accepted: not defaults it filled in, not keys it stripped.
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const sent = new Set(Object.keys(raw));
    PARSED_FIELDS.set(req, Object.keys(data).filter((k) => sent.has(k)).slice(0, 40));
  }
  return data;
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
