import "server-only";
import { clientIpOf } from "@/lib/abuse/client-ip";
import { pool } from "@/lib/db";
import { logger } from "@/lib/log";
import { storableForm } from "@/lib/unicode";
import type { AccessActor, TeamAccess } from "@/lib/teams/access";

// Writing the audit log (read by lib/audit/queries.ts; docs/teams.md). Owner routes record every change that
// succeeds (and every export) through `recordRequest`, called by the route gate itself, so no route can forget
// it: the action is the route pattern ("PATCH /api/waitlists/:id", worded by lib/audit/actions.ts), the target
// the innermost id in the path, the details the field names of the body as the route's schema accepted it
// (lib/api/owner-route.ts parseJsonBody) plus what the handler adds. Values of a body are never stored (they
// may be personal data or secrets), and the raw body is never read here. Code outside a request (Stripe's webhook,
// accepting an invitation) calls `recordAudit` with its own words.

export type AuditActor = AccessActor | { kind: "system"; label: string };

export type AuditEntry = {
  teamId: string;
  waitlistId?: string | null;
  actor: AuditActor;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
};

export async function recordAudit(entry: AuditEntry): Promise<void> {
  const a = entry.actor;
  // Every text is made storable first: a NUL or lone surrogate in a detail would fail the insert, and a change
  // must never go unrecorded because of what its caller typed.
  await pool().query(
    `INSERT INTO audit_log (team_id, waitlist_id, actor_kind, actor_user_id, actor_key_id, actor_label, action, target, details, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.teamId,
      entry.waitlistId ?? null,
      a.kind,
      a.kind === "session" ? a.userId : null,
      a.kind === "key" ? a.keyId : null,
      storableForm(a.kind === "session" ? a.email : a.label),
      storableForm(entry.action),
      entry.target == null ? null : storableForm(entry.target),
      JSON.stringify(storable(entry.details ?? {})),
      entry.ip == null ? null : storableForm(entry.ip),
      entry.userAgent == null ? null : storableForm(entry.userAgent),
    ],
  );
}

/** Where a request came from: the client address (as lib/abuse/client-ip.ts trusts it) and the user agent. */
export function requestOrigin(req: Request): { ip: string | null; userAgent: string | null } {
  const ip = clientIpOf(req.headers);
  return { ip: ip === "unknown" ? null : ip, userAgent: req.headers.get("user-agent")?.slice(0, 256) ?? null };
}

/** "PATCH /api/waitlists/:id/signups/:signupId": the request's path with each route parameter named. */
export function routeAction(req: Request, params: unknown): { action: string; target: string | null } {
  const path = new URL(req.url).pathname;
  const entries = Object.entries(params && typeof params === "object" ? params : {}).filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
  );
  let target: string | null = null;
  const segments = path.split("/").map((segment) => {
    const decoded = safeDecode(segment);
    const hit = entries.find(([, value]) => value === decoded);
    if (!hit) return segment;
    target = hit[1];
    return `:${hit[0]}`;
  });
  return { action: `${req.method} ${segments.join("/")}`, target };
}

/** The gate's record of one successful change (or export). A failure to write it is logged, not answered. */
export async function recordRequest(
  req: Request,
  access: TeamAccess,
  params: unknown,
  details: Record<string, unknown>,
): Promise<void> {
  const teamId = access.resolved?.teamId ?? access.currentTeamId;
  const { action, target } = routeAction(req, params);
  try {
    await recordAudit({
      teamId,
      waitlistId: access.resolved?.waitlistId ?? null,
      actor: access.actor,
      action,
      target,
      details,
      ...requestOrigin(req),
    });
  } catch (error) {
    // The change itself is committed and was answered as such; losing its record is logged loudly.
    logger.error(`audit: could not record ${action} for team ${teamId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A details value with every key and text storable (depth-limited: details are small, flat records). */
function storable(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return storableForm(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => storable(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableForm(k), storable(v, depth + 1)]));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
