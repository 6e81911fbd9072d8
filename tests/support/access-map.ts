import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// THE map of who may call what: every route handler under app/ and every dashboard page, with who is allowed
// and what they get. tests/access/api-access.test.ts drives each API row through the real handlers and
// e2e/access.spec.ts each page row in Chromium; both first compare the map with what is on disk, so a new
// route file, a newly exported method or a new page fails them until it gets a row here.
// Pure data and node:fs only: the Vitest suite and the Playwright spec both import it.

import { AUDIT_API_ACCESS, AUDIT_DASHBOARD_PAGES } from "./access-map-audit";
import { TEAM_API_ACCESS, TEAM_DASHBOARD_PAGES } from "./access-map-teams";
import type { Role } from "@/lib/teams/roles";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * owner    a member of the waitlist's team (the `waitforge_session` cookie), or an API key of that team: none/
 *          expired/forged 401 unauthorized, an unknown key 401, state changes from a foreign Origin 403
 *          forbidden_origin. A stranger (not in the team) gets 404 not_found for any id of the team's (never
 *          403) and on `othersNotFound` routes (a body naming A's team), else their own team's answer. A member
 *          or key gets the row's answer when their role reaches the call's minimum `role` (roles below), else 403
 *          forbidden; on `sessionOnly` routes or methods every key gets 403 forbidden (app/api/keys/route.test.ts
 *          covers scopes and rate limits)
 * public   anyone from any origin (CORS `*`); no session needed or used
 * anyone   anyone, same-origin use (health probe, images); no session needed or used
 * stripe   no session: the Stripe-Signature over the raw body is the credential (400 invalid_signature)
 * auth.js  Auth.js's own endpoints; its double-submit CSRF token guards the POSTs
 * key      the product API (/api/v1): an owner API key only, answers in RFC 9457 problem+json. No key, an unknown
 *          or revoked one, or a session cookie alone 401 unauthorized; a read-only key writing 403 forbidden;
 *          another owner's key 404 not_found for A's feature keys (theirs are their own), or its own empty data
 */
export type Who = "owner" | "public" | "anyone" | "stripe" | "auth.js" | "key";

/**
 * Roles of an owner row (lib/teams/roles.ts), lowest first: viewer < admin < owner. An API key acts in its team
 * as an admin (write scope) or a viewer (read scope). A call's minimum is its `role`, by default what the gate
 * (lib/api/owner-route.ts) assumes: viewer for GET/HEAD/OPTIONS, admin for changes. `personalData` (the CSV
 * export): a viewer's session only where the team's owners allowed it (teams.viewers_can_export); a read key
 * may always. Team-level routes (no id in the path) act in the caller's current team (the `waitforge_team`
 * cookie, else their personal team).
 */
export type MinRole = Role;

/** The first owner's world the calls are made against (real ids in the test database). */
export type Ids = {
  id: string; signupId: string; slug: string; refCode: string; /** the signup's unsubscribe token */ token?: string;
  /** a scheduled wave of the list, and an invite code (lib/invitations) */
  waveId?: string; code?: string;
  /** the signup's welcome job (pg-boss id; waiting, so Retry answers 409) */ jobId?: string;
  /** an active API key of the owner (lib/keys) */ keyId?: string;
  /** a feature key of the list and a product user id that is not a member yet (lib/features) */
  featureKey?: string; externalUserId?: string;
  /** a disabled webhook endpoint of the list (so Resend answers 409) and a test delivery to it (lib/webhooks) */
  endpointId?: string; deliveryId?: string;
  /** A's team (the list's), a viewer member of it and a pending invitation into it (tests/support/team-scene.ts) */
  teamId?: string; userId?: string; invitationId?: string;
};

export type ApiCall = {
  /** Appended to the URL, e.g. "?dry_run=1". Ids may be used. */
  query?: (ids: Ids) => string;
  /** A JSON body (object), or a raw body with `contentType`. */
  body?: (ids: Ids) => unknown;
  contentType?: string;
  /** The answer for a caller who is allowed: the owner for owner rows, anybody otherwise. */
  status: number;
  /** When the allowed answer is an error, its code (proves the gate let the call through to the handler). */
  code?: string;
  /** The catch-all segment of Auth.js routes ("csrf", "signin/email"). */
  rest?: string;
  /** This method only needs the session (like the route's sessionOnly): a key gets 403 forbidden. */
  sessionOnly?: boolean;
  /** Owner rows: the least team role that gets the allowed answer (see MinRole for the default). */
  role?: MinRole;
  /** Owner rows: hands out personal data in bulk (viewers' sessions only where the team allows it). */
  personalData?: true;
  /**
   * Owner rows: the least role the route declares (its OpenAPI x-min-role) when the row's own call needs more:
   * anyone may leave a team (DELETE of their own membership), removing someone else needs an owner.
   */
  declaredRole?: MinRole;
};

const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/** The call's minimum role, defaulted the way the gate defaults it. */
export function minimumRole(method: HttpMethod, call: ApiCall): MinRole {
  return call.role ?? (SAFE_METHODS.has(method) ? "viewer" : "admin");
}

/**
 * sessionOnly: an owner route an API key may not call (403 forbidden): key management and billing.
 * othersNotFound: another owner gets 404 not_found although the path has no :id (it names A's team).
 */
export type ApiRoute = { who: Who; methods: Partial<Record<HttpMethod, ApiCall>>; sessionOnly?: boolean; othersNotFound?: boolean };

const uniqueSlug = () => `acc-${Math.random().toString(36).slice(2, 10)}`;

/** Keyed by URL pattern, derived from the file path (see routePattern). */
export const API_ACCESS: Record<string, ApiRoute> = {
  "/api/waitlists": {
    who: "owner",
    methods: {
      GET: { status: 200 },
      POST: { body: () => ({ slug: uniqueSlug(), title: "Created by the access table" }), status: 201 },
    },
  },
  "/api/waitlists/:id": {
    who: "owner",
    methods: {
      GET: { status: 200 },
      PATCH: { body: () => ({ title: "Patched by the access table" }), status: 200 },
      // Deleting a list is a team owner's (so no key either: keys act as admins at most).
      DELETE: { status: 200, role: "owner" },
    },
  },
  "/api/waitlists/:id/signups": { who: "owner", methods: { GET: { status: 200 } } },
  "/api/waitlists/:id/signups/:signupId": {
    who: "owner",
    methods: {
      PATCH: { body: () => ({ status: "invited" }), status: 200 },
      DELETE: { status: 200 },
    },
  },
  "/api/waitlists/:id/stats": { who: "owner", methods: { GET: { status: 200 } } },
  // Personal data in bulk: admins, keys (a read key too), viewers only where the team allows it.
  "/api/waitlists/:id/export.csv": { who: "owner", methods: { GET: { status: 200, personalData: true } } },
  "/api/waitlists/:id/import": {
    who: "owner",
    // The fixture's list is on Free: 402 is the handler's own answer, so the owner got past the gate.
    methods: { POST: { body: () => "email\nnew@example.com\n", contentType: "text/csv", status: 402, code: "plan_required" } },
  },
  // Billing: a team owner's, session only (a leaked key must not reach payment methods or cancel the plan).
  "/api/waitlists/:id/upgrade": { who: "owner", sessionOnly: true, methods: { POST: { status: 200, role: "owner" } } },
  "/api/waitlists/:id/jobs": { who: "owner", methods: { GET: { query: () => "?state=failed", status: 200 } } },
  // The fixture's welcome job is still waiting: 409 from the handler, past the gate.
  "/api/waitlists/:id/jobs/:jobId/retry": { who: "owner", methods: { POST: { status: 409, code: "conflict" } } },
  "/api/waitlists/:id/billing-portal": {
    who: "owner",
    sessionOnly: true,
    // A team owner's. No subscription yet: 409 from the handler, past the gate.
    methods: { POST: { status: 409, code: "conflict", role: "owner" } },
  },
  "/api/waitlists/:id/invitations": { who: "owner", methods: { POST: { body: () => ({ top: 1 }), status: 200 } } },
  "/api/waitlists/:id/waves": {
    who: "owner",
    methods: { GET: { status: 200 }, POST: { body: () => ({ kind: "daily", size: 5, time: "10:00" }), status: 201 } },
  },
  "/api/waitlists/:id/waves/:waveId": { who: "owner", methods: { DELETE: { status: 200 } } },
  "/api/waitlists/:id/invite-codes/:code": { who: "owner", methods: { GET: { status: 200 } } },
  "/api/waitlists/:id/invitation-settings": {
    who: "owner",
    methods: { GET: { status: 200 }, PATCH: { body: () => ({ invite_message: "Welcome aboard" }), status: 200 } },
  },
  "/api/waitlists/:id/restrictions": {
    who: "owner",
    methods: { GET: { status: 200 }, PATCH: { body: () => ({ blocklist: ["spam.example"] }), status: 200 } },
  },
  "/api/waitlists/:id/review": {
    who: "owner",
    // The fixture's signup holds no credit: approving it changes nothing (200, changed: []), past the gate.
    methods: { GET: { status: 200 }, POST: { body: (ids) => ({ action: "approve", ids: [ids.signupId] }), status: 200 } },
  },
  "/api/waitlists/:id/signups/:signupId/referrals": { who: "owner", methods: { GET: { status: 200 } } },
  // Key management: admins and owners of the current team, session only (a key gets 403 forbidden there:
  // app/api/keys/route.test.ts). Listing too: a key's name and scope are the team's integration details.
  "/api/keys": {
    who: "owner",
    sessionOnly: true,
    methods: {
      GET: { status: 200, role: "admin" },
      POST: { body: () => ({ name: "Made by the access table", scope: "read" }), status: 201 },
    },
  },
  "/api/keys/:keyId": { who: "owner", sessionOnly: true, methods: { DELETE: { status: 200 } } },
  // The owner API's OpenAPI document: a description, no data (the public one is /api/public/openapi.json).
  "/api/openapi.json": { who: "anyone", methods: { GET: { status: 200 } } },
  "/api/waitlists/:id/features": {
    who: "owner",
    methods: { GET: { status: 200 }, PUT: { body: (ids) => ({ keys: [ids.featureKey, "access-extra"] }), status: 200 } },
  },
  "/api/v1/features/:featureKey/members/:externalUserId": {
    who: "key",
    methods: {
      GET: { status: 200 },
      PUT: { body: () => ({ email: `member-${Math.random().toString(36).slice(2, 10)}@example.com` }), status: 201 },
      DELETE: { status: 200 },
    },
  },
  "/api/v1/members/:externalUserId/features": { who: "key", methods: { GET: { status: 200 } } },
  "/api/waitlists/:id/webhooks": {
    who: "owner",
    methods: {
      GET: { status: 200 },
      POST: { body: () => ({ url: "https://93.184.215.14/hooks", events: ["signup.created"], enabled: false }), status: 201 },
    },
  },
  "/api/waitlists/:id/webhooks/:endpointId": {
    who: "owner",
    methods: {
      GET: { status: 200 },
      PATCH: { body: () => ({ description: "Patched by the access table" }), status: 200 },
      DELETE: { status: 200 },
    },
  },
  "/api/waitlists/:id/webhooks/:endpointId/rotate-secret": { who: "owner", methods: { POST: { status: 200 } } },
  "/api/waitlists/:id/webhooks/:endpointId/test": { who: "owner", methods: { POST: { status: 202 } } },
  "/api/waitlists/:id/webhooks/:endpointId/deliveries": { who: "owner", methods: { GET: { status: 200 } } },
  "/api/waitlists/:id/webhooks/deliveries": { who: "owner", methods: { GET: { query: () => "?limit=5", status: 200 } } },
  // The fixture's endpoint is disabled: 409 from the handler, past the gate.
  "/api/waitlists/:id/webhooks/deliveries/:deliveryId/resend": { who: "owner", methods: { POST: { status: 409, code: "conflict" } } },
  "/api/waitlists/:id/webhooks/resend-failed": {
    who: "owner",
    methods: { POST: { body: () => ({ since: "2026-01-01T00:00:00Z" }), status: 202 } },
  },
  "/api/public/:slug/config": {
    who: "public",
    methods: { GET: { status: 200 }, OPTIONS: { status: 204 } },
  },
  "/api/waitlists/:id/fields": {
    who: "owner",
    methods: {
      GET: { status: 200 },
      PUT: { body: () => ({ fields: [{ id: "role", type: "short_text", label: "Your role" }] }), status: 200 },
    },
  },
  "/api/public/:slug/fields": {
    who: "public",
    methods: { GET: { status: 200 }, OPTIONS: { status: 204 } },
  },
  "/api/public/:slug/signup": {
    who: "public",
    methods: {
      POST: { body: () => ({ email: `access-${Math.random().toString(36).slice(2, 10)}@example.com` }), status: 200 },
      OPTIONS: { status: 204 },
    },
  },
  "/api/public/openapi.json": { who: "public", methods: { GET: { status: 200 } } },
  "/api/public/unsubscribe/:token": {
    who: "public",
    methods: {
      // GET never unsubscribes (mail scanners prefetch): it sends the browser to the confirm page.
      GET: { status: 303 },
      POST: { body: () => "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded", status: 200 },
    },
  },
  "/api/public/confirm/:token": {
    who: "public",
    // The fixture's :token is an unsubscribe token, which confirms nobody: the handler's own not_found, past the
    // gate (app/api/public/confirm/[token]/route.test.ts covers real confirm links).
    methods: { POST: { status: 404, code: "not_found" } },
  },
  "/api/public/:slug/status-link": {
    who: "public",
    methods: {
      // The same answer whether or not the address is on the list.
      POST: { body: () => ({ email: `access-${Math.random().toString(36).slice(2, 10)}@example.com` }), status: 200 },
      OPTIONS: { status: 204 },
    },
  },
  // The fixture's token is an unsubscribe token, which opens no data and erases nobody: the handler's own
  // 404 (the privacy route tests cover status and leave tokens).
  "/api/public/data/:token": { who: "public", methods: { GET: { status: 404, code: "not_found" } } },
  "/api/public/leave/:token": {
    who: "public",
    methods: { POST: { body: () => "leave=erase", contentType: "application/x-www-form-urlencoded", status: 404, code: "not_found" } },
  },
  "/api/health": { who: "anyone", methods: { GET: { status: 200 } } },
  // The benchmark's floor: a 404 for everyone unless the server was started with BENCH_NOOP_ROUTE=1.
  "/api/bench/noop": {
    who: "anyone",
    methods: { GET: { status: 404, code: "not_found" }, POST: { body: () => ({}), status: 404, code: "not_found" } },
  },
  // Any /api/ path no route claims: the JSON not_found shape for every method, whoever asks.
  "/api/:...path": {
    who: "anyone",
    methods: Object.fromEntries(HTTP_METHODS.map((m) => [m, { status: 404, code: "not_found" }])),
  },
  "/w/:slug/og": { who: "anyone", methods: { GET: { status: 200 } } },
  "/w/:slug/qr": { who: "anyone", methods: { GET: { query: (ids) => `?ref=${ids.refCode}`, status: 200 } } },
  "/api/stripe/webhook": {
    who: "stripe",
    // Signed by the test with the configured secret: the positive control of the signature gate.
    methods: { POST: { body: () => ({ id: `evt_access_${Date.now()}`, object: "event", type: "ping.access", data: { object: {} } }), status: 200 } },
  },
  "/api/auth/:...nextauth": {
    who: "auth.js",
    methods: {
      GET: { rest: "csrf", status: 200 },
      // Without Auth.js's CSRF token a sign-in request sends nothing and bounces to the sign-in page.
      POST: { rest: "signin/email", body: () => "email=access%40example.com", contentType: "application/x-www-form-urlencoded", status: 302 },
    },
  },
  ...TEAM_API_ACCESS,
  ...AUDIT_API_ACCESS,
};

export type PageRow = {
  /** Text the owner sees in <main>: the positive control. "title" means the waitlist's title. */
  ownerSees: string;
};

/** Keyed by URL pattern. Every dashboard page is owner-only: signed out -> /sign-in; :id of another owner -> 404. */
export const DASHBOARD_PAGES: Record<string, PageRow> = {
  "/dashboard": { ownerSees: "title" },
  "/dashboard/new": { ownerSees: "New waitlist" },
  "/dashboard/keys": { ownerSees: "Create a key" },
  "/dashboard/w/:id": { ownerSees: "title" },
  "/dashboard/w/:id/signups": { ownerSees: "title" },
  "/dashboard/w/:id/import": { ownerSees: "Import people from a CSV" },
  "/dashboard/w/:id/settings": { ownerSees: "title" },
  "/dashboard/w/:id/invitations": { ownerSees: "Let people in" },
  "/dashboard/w/:id/restrictions": { ownerSees: "Refused in the last 7 days" },
  "/dashboard/w/:id/emails": { ownerSees: "Email delivery" },
  "/dashboard/w/:id/review": { ownerSees: "Referral review" },
  "/dashboard/w/:id/features": { ownerSees: "Keys of this waitlist" },
  "/dashboard/w/:id/questions": { ownerSees: "Your questions" },
  "/dashboard/w/:id/webhooks": { ownerSees: "Webhook endpoints" },
  ...TEAM_DASHBOARD_PAGES,
  ...AUDIT_DASHBOARD_PAGES,
};

/** "app/api/waitlists/[id]/route.ts" -> "/api/waitlists/:id"; route groups "(x)" vanish, "[...x]" -> ":...x". */
export function routePattern(file: string): string {
  const segments = path
    .dirname(file)
    .split(/[\\/]/)
    .slice(1) // "app"
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")))
    .map((s) => s.replace(/^\[(\.\.\.)?([^\]]+)\]$/, (_m, dots: string | undefined, name: string) => `:${dots ?? ""}${name}`));
  return `/${segments.join("/")}`;
}

function filesUnder(dir: string, name: RegExp): string[] {
  const abs = path.join(ROOT, dir);
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => name.test(path.basename(f)))
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .sort();
}

/** Every route handler file of the app, relative to the repository root. */
export function discoverRouteFiles(): string[] {
  return filesUnder("app", /^route\.(ts|tsx)$/);
}

/** Every page of the owner dashboard, relative to the repository root. */
export function discoverDashboardPages(): string[] {
  return filesUnder("app/(dashboard)", /^page\.tsx$/);
}

export const repoPath = (file: string) => path.join(ROOT, file);

/** Fills ":id" style segments from `ids`. */
export function fillPattern(pattern: string, ids: Ids): string {
  return pattern.replace(/:(\w+)/g, (_m, key: string) => {
    const value = (ids as Record<string, string>)[key];
    if (value === undefined) throw new Error(`no id for :${key} in ${pattern}`);
    return encodeURIComponent(value);
  });
}
