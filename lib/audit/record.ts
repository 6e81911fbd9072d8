import "server-only";
import { clientIpOf } from "@/lib/abuse/client-ip";
import { pool } from "@/lib/db";
import { logger } from "@/lib/log";
import type { AccessActor, TeamAccess } from "@/lib/teams/access";

// Writing the audit log (read by lib/audit/queries.ts; docs/teams.md). Owner routes record every change that
// succeeds (and every export) through `recordRequest`, called by the route gate itself, so no route can forget
// it: the action is the route pattern ("PATCH /api/waitlists/:id", worded by lib/audit/actions.ts), the target
// the innermost id in the path, the details the changed field names plus what the handler adds. Values of a
// body are never stored (they may be personal data or secrets). Code outside a request (Stripe's webhook,
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
  await pool().query(
    `INSERT INTO audit_log (team_id, waitlist_id, actor_kind, actor_user_id, actor_key_id, actor_label, action, target, details, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.teamId,
      entry.waitlistId ?? null,
      a.kind,
      a.kind === "session" ? a.userId : null,
      a.kind === "key" ? a.keyId : null,
      a.kind === "session" ? a.email : a.label,
      entry.action,
      entry.target ?? null,
      JSON.stringify(entry.details ?? {}),
      entry.ip ?? null,
      entry.userAgent ?? null,
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

/** The top-level field names of a JSON body (what was changed, never to what). */
export async function bodyFields(req: Request): Promise<Record<string, unknown>> {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) return {};
  try {
    const body: unknown = await req.clone().json();
    if (body && typeof body === "object" && !Array.isArray(body)) return { fields: Object.keys(body).slice(0, 40) };
  } catch {
    // An unreadable body fails the handler's own parse; nothing to note.
  }
  return {};
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

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
