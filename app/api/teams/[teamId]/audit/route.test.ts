import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/teams/[teamId]/audit/route";
import { listAuditEntries } from "@/lib/audit/queries";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { db, pool } from "@/lib/db";
import { createKey } from "@/lib/keys/mutations";
import { codeOf } from "@/tests/support/access-world";
import { sendTo } from "@/tests/support/audit-calls";
import { createWaitlist } from "@/tests/support/fixtures";
import { expectDocumented, servedOpenApi } from "@/tests/support/openapi-check";
import { signedInOwner } from "@/tests/support/owner-api";
import { setupTestEnv } from "@/tests/support/test-env";

// GET /api/teams/:teamId/audit and lib/audit/queries.ts against a log written row by row (times, actors and
// actions chosen by the test): who may read it, the filters, keyset pages, and the answer's shape.

setupTestEnv({ APP_URL: "http://localhost:3000" });

type Entry = { at: string; actor: "owner" | "admin" | "key" | "stripe"; action: string; waitlist?: "a" | "b"; target?: string };

async function scene() {
  const owner = await signedInOwner();
  const admin = await signedInOwner();
  const viewer = await signedInOwner();
  const stranger = await signedInOwner();
  const a = await createWaitlist({ ownerId: owner.id, title: "List A" });
  const teamId = a.teamId;
  const b = await createWaitlist({ teamId, title: "List B" });
  await db().teamMember.createMany({ data: [{ teamId, userId: admin.id, role: "admin" }, { teamId, userId: viewer.id, role: "viewer" }] });
  const key = await createKey(teamId, owner.id, { name: "Bot", scope: "write" });
  const readKey = await createKey(teamId, owner.id, { name: "Reader", scope: "read" });
  const lists = { a: a.id, b: b.id };
  const actors = {
    owner: { kind: "session", user: owner.id, key: null, label: owner.email },
    admin: { kind: "session", user: admin.id, key: null, label: admin.email },
    key: { kind: "key", user: null, key: key.key.id, label: "API key “Bot”" },
    stripe: { kind: "system", user: null, key: null, label: "Stripe" },
  } as const;
  const write = async (teamFor: string, e: Entry) => {
    const who = actors[e.actor];
    await pool().query(
      `INSERT INTO audit_log (team_id, waitlist_id, actor_kind, actor_user_id, actor_key_id, actor_label, action, target, details, ip, user_agent, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{"fields":["title"]}', '203.0.113.5', 'curl/8.5.0', $9)`,
      [teamFor, e.waitlist ? lists[e.waitlist] : null, who.kind, who.user, who.key, who.label, e.action, e.target ?? null, e.at],
    );
  };
  // Oldest first, so ids grow with time like the real log.
  const log: Entry[] = [
    { at: "2026-11-28T10:00:00Z", actor: "owner", action: "POST /api/waitlists" },
    { at: "2026-11-29T09:00:00Z", actor: "admin", action: "PATCH /api/waitlists/:id", waitlist: "a", target: a.id },
    { at: "2026-11-30T23:59:59Z", actor: "key", action: "POST /api/waitlists/:id/invitations", waitlist: "b" },
    { at: "2026-12-01T00:00:00Z", actor: "stripe", action: "billing.plan_changed" },
    { at: "2026-12-01T12:00:00Z", actor: "admin", action: "GET /api/waitlists/:id/export.csv", waitlist: "a", target: a.id },
    { at: "2026-12-02T08:00:00Z", actor: "owner", action: "PATCH /api/teams/:teamId/members/:userId", target: admin.id },
    { at: "2026-12-03T07:00:00Z", actor: "key", action: "POST /api/waitlists/:id/retired-route", waitlist: "a" },
  ];
  for (const e of log) await write(teamId, e);
  // Another team's entry, never in this team's answers.
  await write((await db().team.findUniqueOrThrow({ where: { personalOf: stranger.id } })).id, { at: "2026-12-02T00:00:00Z", actor: "owner", action: "PATCH /api/waitlists/:id" });

  const get = (query = "", auth: { cookie?: string; bearer?: string; team?: string } = {}) =>
    sendTo(GET, {
      method: "GET",
      path: `/api/teams/${auth.team ?? teamId}/audit${query}`,
      params: { teamId: auth.team ?? teamId },
      cookie: auth.cookie,
      headers: auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {},
    });
  return { owner, admin, viewer, stranger, teamId, lists, key, readKey, get, log };
}

const actions = (r: { json: Record<string, unknown> | null }) => (r.json?.entries as { action: string }[]).map((e) => e.action);

describe("GET /api/teams/:teamId/audit", () => {
  it("answers owners, admins and read-write keys newest first; 403 for viewers and read-only keys; 404 outside the team", async () => {
    const s = await scene();
    const all = [...s.log].reverse().map((e) => e.action);
    for (const auth of [{ cookie: s.owner.cookie }, { cookie: s.admin.cookie }, { bearer: s.key.secret }]) {
      const r = await s.get("", auth);
      expect(r.status).toBe(200);
      expect(actions(r)).toEqual(all);
      expect(r.json?.next_cursor).toBeNull();
    }
    const viewer = await s.get("", { cookie: s.viewer.cookie });
    expect([viewer.status, codeOf(viewer)]).toEqual([403, "forbidden"]);
    const readKey = await s.get("", { bearer: s.readKey.secret });
    expect([readKey.status, codeOf(readKey)]).toEqual([403, "forbidden"]);
    const stranger = await s.get("", { cookie: s.stranger.cookie });
    expect([stranger.status, codeOf(stranger)]).toEqual([404, "not_found"]);
    expect(stranger.text).not.toContain(s.owner.email);
    const noTeam = await s.get("", { cookie: s.owner.cookie, team: "not-a-team" });
    expect(noTeam.status).toBe(404);
    expect((await s.get("")).status).toBe(401);
    // Reading the log is not itself recorded.
    const { rows } = await pool().query(`SELECT count(*)::int AS n FROM audit_log WHERE team_id = $1`, [s.teamId]);
    expect(rows[0].n).toBe(s.log.length);
  });

  it("answers each entry in the documented shape, worded", async () => {
    const s = await scene();
    const r = await s.get("?limit=7", { cookie: s.owner.cookie });
    const entries = r.json?.entries as Record<string, unknown>[];
    const member = entries.find((e) => e.action === "PATCH /api/teams/:teamId/members/:userId")!;
    expect(member).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: "2026-12-02T08:00:00.000Z",
      actor: { kind: "session", label: s.owner.email, user_id: s.owner.id },
      action: "PATCH /api/teams/:teamId/members/:userId",
      label: "Changed a member's role",
      category: "members",
      target: s.admin.id,
      waitlist_id: null,
      details: { fields: ["title"] },
      ip: "203.0.113.5",
      user_agent: "curl/8.5.0",
    });
    expect(entries.find((e) => e.action === "billing.plan_changed")).toMatchObject({ actor: { kind: "system", label: "Stripe" }, category: "billing" });
    expect(entries.find((e) => String(e.action).includes("invitations"))).toMatchObject({ actor: { kind: "key", key_id: s.key.key.id }, label: "Let people in" });
    expect(entries[0]).toMatchObject({ label: "Sent retired route", category: "other" });
  });

  it("answers as the owner OpenAPI document says: a page, 400, 401, 403 and 404", async () => {
    const s = await scene();
    const doc = await servedOpenApi("owner");
    const path = "/api/teams/{teamId}/audit";
    const answers = [
      await s.get("?limit=3", { bearer: s.key.secret }),
      await s.get("?cursor=x", { cookie: s.owner.cookie }),
      await s.get(""),
      await s.get("", { cookie: s.viewer.cookie }),
      await s.get("", { cookie: s.stranger.cookie }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 400, 401, 403, 404]);
    for (const r of answers) expectDocumented(doc, path, "get", r);
  });

  it("filters by actor, category, waitlist and dates", async () => {
    const s = await scene();
    const q = async (query: string) => {
      const r = await s.get(query, { cookie: s.owner.cookie });
      expect(r.status, query).toBe(200);
      return actions(r);
    };
    expect(await q(`?actor=${s.admin.id}`)).toEqual(["GET /api/waitlists/:id/export.csv", "PATCH /api/waitlists/:id"]);
    expect(await q(`?actor=${s.key.key.id}`)).toEqual(["POST /api/waitlists/:id/retired-route", "POST /api/waitlists/:id/invitations"]);
    expect(await q("?actor=system")).toEqual(["billing.plan_changed"]);
    expect(await q("?category=people")).toEqual(["POST /api/waitlists/:id/invitations"]);
    expect(await q("?category=exports")).toEqual(["GET /api/waitlists/:id/export.csv"]);
    expect(await q("?category=other")).toEqual(["POST /api/waitlists/:id/retired-route"]);
    expect(await q("?category=keys")).toEqual([]);
    expect(await q(`?waitlist_id=${s.lists.a}`)).toEqual([
      "POST /api/waitlists/:id/retired-route",
      "GET /api/waitlists/:id/export.csv",
      "PATCH /api/waitlists/:id",
    ]);
    // Days are UTC and `to` takes in its whole day; both ends inclusive.
    expect(await q("?from=2026-11-30&to=2026-12-01")).toEqual([
      "GET /api/waitlists/:id/export.csv",
      "billing.plan_changed",
      "POST /api/waitlists/:id/invitations",
    ]);
    expect(await q("?to=2026-12-01T00:00:00Z")).toEqual([
      "billing.plan_changed",
      "POST /api/waitlists/:id/invitations",
      "PATCH /api/waitlists/:id",
      "POST /api/waitlists",
    ]);
    expect(await q(`?actor=${s.admin.id}&waitlist_id=${s.lists.a}&category=settings`)).toEqual(["PATCH /api/waitlists/:id"]);
  });

  it("pages by id: every entry once, in order, and next_cursor null on the last page", async () => {
    const s = await scene();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await s.get(`?limit=3${cursor ? `&cursor=${cursor}` : ""}`, { cookie: s.owner.cookie });
      expect(r.status).toBe(200);
      const ids = (r.json?.entries as { id: string }[]).map((e) => e.id);
      expect(ids.length).toBeLessThanOrEqual(3);
      seen.push(...ids);
      cursor = r.json?.next_cursor as string | null;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(s.log.length);
    expect([...seen].sort((x, y) => Number(y) - Number(x))).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);

    // The same through the library, with a filter: pages stay inside it.
    const first = await listAuditEntries(s.teamId, auditQuerySchema.parse({ waitlist_id: s.lists.a, limit: 2 }));
    expect(first.entries.map((e) => e.waitlist_title)).toEqual(["List A", "List A"]);
    const second = await listAuditEntries(s.teamId, auditQuerySchema.parse({ waitlist_id: s.lists.a, limit: 2, cursor: first.next_cursor! }));
    expect(second.entries.map((e) => e.action)).toEqual(["PATCH /api/waitlists/:id"]);
    expect(second.next_cursor).toBeNull();
  });

  it("names a member change's target by email for the dashboard", async () => {
    const s = await scene();
    const page = await listAuditEntries(s.teamId, auditQuerySchema.parse({ category: "members" }));
    expect(page.entries.map((e) => [e.target, e.target_label])).toEqual([[s.admin.id, s.admin.email]]);
  });

  it("400s bad filters and cursors, naming the field", async () => {
    const s = await scene();
    for (const [query, field] of [
      ["?cursor=abc", "cursor"],
      ["?cursor=-1", "cursor"],
      ["?category=everything", "category"],
      ["?from=2026-02-30", "from"],
      ["?from=2026-12-05&to=2026-12-01", "from"],
      ["?limit=500", "limit"],
      ["?actor=x%27%20OR%201%3D1", "actor"],
      ["?team_id=x", ""],
    ] as const) {
      const r = await s.get(query, { cookie: s.owner.cookie });
      expect({ query, status: r.status, code: codeOf(r) }).toEqual({ query, status: 400, code: "invalid_input" });
      if (field) expect((r.json?.error as { field?: string }).field, query).toBe(field);
    }
  });
});
