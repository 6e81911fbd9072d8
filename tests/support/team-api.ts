import { db, pool } from "@/lib/db";
import { createOwner, uniqueEmail } from "@/tests/support/fixtures";
import { signedInOwner } from "@/tests/support/owner-api";

// Calls of the team routes for their tests: a Request with the real path (the audit record names it), the
// session cookie, our Origin on writes; the answer with its Set-Cookie. And people in teams.

export const APP = "http://localhost:3000";

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export type Answer = { status: number; json: Record<string, unknown>; headers: Headers };

export async function callTeam<P extends Record<string, string>>(
  handler: Handler<P>,
  init: { method: string; path: string; params?: P; cookie?: string; bearer?: string; body?: unknown; headers?: Record<string, string> },
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.method !== "GET" && !init.bearer) headers.origin ??= APP;
  const req = new Request(`${APP}${init.path}`, {
    method: init.method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await handler(req, { params: Promise.resolve((init.params ?? {}) as P) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown>, headers: res.headers };
}

export const codeOf = (a: Answer) => (a.json.error as { code?: string } | undefined)?.code;

export type Person = Awaited<ReturnType<typeof signedInOwner>>;

/** A signed-in person (with their personal team) and their personal team's id. */
export async function person(): Promise<Person & { personalTeamId: string }> {
  const p = await signedInOwner();
  const team = await db().team.findUniqueOrThrow({ where: { personalOf: p.id }, select: { id: true } });
  return { ...p, personalTeamId: team.id };
}

/** A fresh (non-personal) team with the given members and roles. */
export async function teamWith(name: string, members: { id: string; role: "owner" | "admin" | "viewer" }[]): Promise<string> {
  const team = await db().team.create({ data: { name }, select: { id: true } });
  for (const m of members) await db().teamMember.create({ data: { teamId: team.id, userId: m.id, role: m.role }, select: { userId: true } });
  return team.id;
}

export async function roleOf(teamId: string, userId: string): Promise<string | null> {
  const row = await db().teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

export async function auditActions(teamId: string): Promise<{ action: string; actor_label: string; target: string | null; details: Record<string, unknown> }[]> {
  const { rows } = await pool().query(`SELECT action, actor_label, target, details FROM audit_log WHERE team_id = $1 ORDER BY id`, [teamId]);
  return rows as never;
}

/** A person who is not signed in (no session), e.g. an invitee's address. */
export const stranger = () => createOwner(uniqueEmail("stranger"));
