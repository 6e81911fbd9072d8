import "server-only";
import { ACTIONS, actionsIn, describeAction, type AuditCategory } from "@/lib/audit/actions";
import type { AuditQuery } from "@/lib/audit/schemas";
import { pool } from "@/lib/db";

// Reading a team's audit log (written by lib/audit/record.ts): newest first, filtered, in keyset pages on the
// id (the cursor is the last id of a page, so a page never shifts when entries are added meanwhile). Every
// read is scoped by team id; the caller has checked the role (admins and owners, lib/teams/access.ts).

export type AuditActorView = { kind: "session" | "key" | "system"; label: string; user_id?: string; key_id?: string };

/** One entry as the API answers it (GET /api/teams/:teamId/audit). */
export type AuditEntryView = {
  id: string;
  at: string;
  actor: AuditActorView;
  action: string;
  label: string;
  category: AuditCategory;
  target: string | null;
  waitlist_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
};

/** What the dashboard shows beside an entry: the waitlist's title and, for member changes, the member's email. */
export type AuditEntryRow = AuditEntryView & { waitlist_title: string | null; target_label: string | null };

export type AuditPage = { entries: AuditEntryRow[]; next_cursor: string | null };

type Row = {
  id: string;
  created_at: Date;
  actor_kind: AuditActorView["kind"];
  actor_user_id: string | null;
  actor_key_id: string | null;
  actor_label: string;
  action: string;
  target: string | null;
  waitlist_id: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  user_agent: string | null;
  waitlist_title: string | null;
  member_email: string | null;
};

const MEMBER_ACTIONS = Object.keys(ACTIONS).filter((a) => a.endsWith("/members/:userId"));

export async function listAuditEntries(teamId: string, query: AuditQuery): Promise<AuditPage> {
  const values: unknown[] = [teamId, MEMBER_ACTIONS];
  const where = ["a.team_id = $1"];
  const param = (v: unknown) => `$${values.push(v)}`;

  if (query.actor === "system") where.push(`a.actor_kind = 'system'`);
  else if (query.actor) {
    const p = param(query.actor);
    where.push(`(a.actor_user_id = ${p} OR a.actor_key_id = ${p})`);
  }
  if (query.category === "other") {
    // Everything no category claims, including actions that have no words (yet).
    where.push(`NOT (a.action = ANY(${param(Object.keys(ACTIONS).filter((a) => ACTIONS[a]!.category !== "other"))}::text[]))`);
  } else if (query.category) {
    where.push(`a.action = ANY(${param(actionsIn(query.category))}::text[])`);
  }
  if (query.waitlist_id) where.push(`a.waitlist_id = ${param(query.waitlist_id)}`);
  if (query.from) where.push(`a.created_at >= ${param(query.from)}`);
  if (query.to) where.push(`a.created_at < ${param(query.to)}`);
  if (query.cursor) where.push(`a.id < ${param(query.cursor)}::bigint`);
  const limit = param(query.limit + 1);

  // The waitlist's title only while it is still the team's; a member's email only for member changes.
  const { rows } = await pool().query<Row>(
    `SELECT a.id::text AS id, a.created_at, a.actor_kind, a.actor_user_id, a.actor_key_id, a.actor_label, a.action,
            a.target, a.waitlist_id, a.details, a.ip, a.user_agent, w.title AS waitlist_title, u.email AS member_email
       FROM audit_log a
       LEFT JOIN waitlists w ON w.id = a.waitlist_id AND w.team_id = a.team_id
       LEFT JOIN users u ON a.action = ANY($2::text[]) AND u.id = a.target
      WHERE ${where.join(" AND ")}
      ORDER BY a.id DESC
      LIMIT ${limit}`,
    values,
  );
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  return { entries: page.map(toView), next_cursor: more ? (page.at(-1)?.id ?? null) : null };
}

function toView(r: Row): AuditEntryRow {
  const words = describeAction(r.action, { actorUserId: r.actor_user_id, target: r.target });
  const actor: AuditActorView = { kind: r.actor_kind, label: r.actor_label };
  if (r.actor_user_id) actor.user_id = r.actor_user_id;
  if (r.actor_key_id) actor.key_id = r.actor_key_id;
  return {
    id: r.id,
    at: r.created_at.toISOString(),
    actor,
    action: r.action,
    label: words.label,
    category: words.category,
    target: r.target,
    waitlist_id: r.waitlist_id,
    details: r.details ?? {},
    ip: r.ip,
    user_agent: r.user_agent,
    waitlist_title: r.waitlist_title,
    target_label: r.member_email,
  };
}

/** The API's shape of an entry (the dashboard's extras left out). */
export function toApiEntry({ waitlist_title: _title, target_label: _label, ...entry }: AuditEntryRow): AuditEntryView {
  return entry;
}

export type ActorOption = { value: string; label: string; kind: "session" | "key" | "system" };

/**
 * Who the dashboard's "who" filter offers: the team's members, its API keys (revoked ones too: the log outlives
 * them) and the system. Former members are not listed (their entries still show, and filter by URL).
 */
export async function auditActorOptions(teamId: string): Promise<ActorOption[]> {
  const { rows } = await pool().query<{ value: string; label: string; kind: "session" | "key" }>(
    `SELECT * FROM (
       SELECT u.id AS value, u.email AS label, 'session' AS kind FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1
       UNION ALL
       SELECT k.id, 'API key “' || k.name || '” (' || k.prefix || '…)' || CASE WHEN k.revoked_at IS NULL THEN '' ELSE ', revoked' END, 'key'
         FROM api_keys k WHERE k.team_id = $1
     ) o ORDER BY kind DESC, label LIMIT 500`,
    [teamId],
  );
  return [...rows, { value: "system", label: "Stripe and other automatic changes", kind: "system" }];
}
