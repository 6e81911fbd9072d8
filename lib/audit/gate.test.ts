import { describe, expect, it } from "vitest";
import * as signups from "@/app/api/waitlists/[id]/signups/route";
import * as exportCsv from "@/app/api/waitlists/[id]/export.csv/route";
import * as item from "@/app/api/waitlists/[id]/route";
import { db, pool } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { createKey } from "@/lib/keys/mutations";
import { createSignup } from "@/lib/signups/mutations";
import { sendTo } from "@/tests/support/audit-calls";
import { createWaitlist } from "@/tests/support/fixtures";
import { signedInOwner } from "@/tests/support/owner-api";
import { setupTestEnv } from "@/tests/support/test-env";

// The owner gate's audit record (lib/api/owner-route.ts -> lib/audit/record.ts) through the real handlers: who
// (a person or a key), what, on which list, from which address and browser; nothing for a refused or failed
// request or a plain read; and the table refuses every change but an insert, even from the app's own connection.

// Behind one proxy: the right-most X-Forwarded-For entry is the one our proxy wrote (lib/abuse/client-ip.ts).
setupTestEnv({ APP_URL: "http://localhost:3000", TRUSTED_PROXY_HOPS: "1" });

type AuditRow = {
  actor_kind: string;
  actor_user_id: string | null;
  actor_key_id: string | null;
  actor_label: string;
  action: string;
  target: string | null;
  waitlist_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
};

async function auditOf(teamId: string): Promise<AuditRow[]> {
  const { rows } = await pool().query<AuditRow>(
    `SELECT actor_kind, actor_user_id, actor_key_id, actor_label, action, target, waitlist_id, details, ip, user_agent
       FROM audit_log WHERE team_id = $1 ORDER BY id`,
    [teamId],
  );
  return rows;
}

async function scene() {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id, title: "Audited list" });
  const { key, secret } = await createKey(waitlist.teamId, owner.id, { name: "Deploy bot", scope: "write" });
  const readOnly = await createKey(waitlist.teamId, owner.id, { name: "Reader", scope: "read" });
  const path = `/api/waitlists/${waitlist.id}`;
  const patch = (headers: Record<string, string>, extra: { cookie?: string; body?: unknown } = {}) =>
    sendTo(item.PATCH, { method: "PATCH", path, params: { id: waitlist.id }, body: { title: "Renamed" }, headers, ...extra });
  return { owner, waitlist, key, secret, readOnly: readOnly.secret, path, patch };
}

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

describe("the owner gate's audit record", () => {
  it("records a person's change: who, what, the list, the trusted client address and the user agent", async () => {
    const s = await scene();
    // The left entry is the client's own claim; the right one is what our proxy saw.
    const r = await s.patch({ "x-forwarded-for": "6.6.6.6, 198.51.100.23", "user-agent": BROWSER }, { cookie: s.owner.cookie, body: { title: "Renamed", is_open: false } });
    expect(r.status).toBe(200);
    expect(await auditOf(s.waitlist.teamId)).toEqual([
      {
        actor_kind: "session",
        actor_user_id: s.owner.id,
        actor_key_id: null,
        actor_label: s.owner.email,
        action: "PATCH /api/waitlists/:id",
        target: s.waitlist.id,
        waitlist_id: s.waitlist.id,
        details: { fields: ["title", "is_open"] },
        ip: "198.51.100.23",
        user_agent: BROWSER,
      },
    ]);
  });

  it("records an API key's change with the key as the actor", async () => {
    const s = await scene();
    const r = await s.patch({ authorization: `Bearer ${s.secret}`, origin: "", "x-forwarded-for": "192.0.2.77", "user-agent": "curl/8.5.0" });
    expect(r.status).toBe(200);
    const rows = await auditOf(s.waitlist.teamId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_kind: "key",
      actor_user_id: null,
      actor_key_id: s.key.id,
      actor_label: `API key “Deploy bot” (${s.key.prefix}…)`,
      action: "PATCH /api/waitlists/:id",
      ip: "192.0.2.77",
      user_agent: "curl/8.5.0",
    });
  });

  it("records nothing for refused or failed requests", async () => {
    const s = await scene();
    const stranger = await signedInOwner();
    const refused = [
      await s.patch({}), // no session: 401
      await s.patch({ authorization: `Bearer ${s.readOnly}`, origin: "" }), // read-only key: 403
      await s.patch({ origin: "https://evil.example" }, { cookie: s.owner.cookie }), // foreign Origin: 403
      await s.patch({}, { cookie: stranger.cookie }), // not in the team: 404
      await s.patch({}, { cookie: s.owner.cookie, body: { title: "" } }), // invalid body: 400
      await s.patch({}, { cookie: s.owner.cookie, body: { capacity: "lots" } }),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 403, 403, 404, 400, 400]);
    // A handler that fails after the gate let it through (a person not on the list): 404, nothing recorded.
    const { PATCH } = await import("@/app/api/waitlists/[id]/signups/[signupId]/route");
    const missing = "00000000-0000-4000-8000-000000000000";
    const failed = await sendTo(PATCH, {
      method: "PATCH",
      path: `${s.path}/signups/${missing}`,
      params: { id: s.waitlist.id, signupId: missing },
      cookie: s.owner.cookie,
      body: { status: "invited" },
    });
    expect(failed.status).toBe(404);
    expect(await auditOf(s.waitlist.teamId)).toEqual([]);
  });

  it("records a change whatever keys its body has: field names come from the validated input, never the raw body", async () => {
    const s = await scene();
    const person = await createSignup({ waitlistId: s.waitlist.id, email: "ada@example.com" });
    if (person.kind !== "created") throw new Error(person.kind);
    const { DELETE } = await import("@/app/api/waitlists/[id]/signups/[signupId]/route");
    // A NUL and a lone surrogate as keys: PostgreSQL's jsonb refuses both, so a raw-body copy would fail the insert.
    const removed = await sendTo(DELETE, {
      method: "DELETE",
      path: `${s.path}/signups/${person.id}`,
      params: { id: s.waitlist.id, signupId: person.id },
      cookie: s.owner.cookie,
      body: { "\u0000": 1, "\ud800": 2 },
    });
    expect(removed.status).toBe(200);
    const rows = await auditOf(s.waitlist.teamId);
    expect(rows.map((r) => [r.action, r.target, r.details.fields])).toEqual([["DELETE /api/waitlists/:id/signups/:signupId", person.id, undefined]]);

    // What a route's schema accepted is what the log says was sent (a strict schema refuses the rest with a 400).
    await s.patch({}, { cookie: s.owner.cookie, body: { title: "Renamed", description: "New words" } });
    expect((await auditOf(s.waitlist.teamId))[1]?.details).toEqual({ fields: ["title", "description"] });
  });

  it("stores any text a detail carries: NULs dropped, lone surrogates replaced", async () => {
    const s = await scene();
    await recordAudit({
      teamId: s.waitlist.teamId,
      actor: { kind: "system", label: "Test\u0000" },
      action: "test.hostile",
      target: "t\ud800",
      details: { "k\u0000": "v\udc00", list: ["a\u0000b"] },
    });
    const [row] = await auditOf(s.waitlist.teamId);
    expect(row).toMatchObject({ actor_label: "Test", target: "t\uFFFD", details: { k: "v\uFFFD", list: ["ab"] } });
  });

  it("records the CSV export (with its filter) but not plain reads", async () => {
    const s = await scene();
    const read = (handler: typeof item.GET, path: string, query = "") =>
      sendTo(handler, { method: "GET", path: `${path}${query}`, params: { id: s.waitlist.id }, cookie: s.owner.cookie });
    expect((await read(item.GET, s.path)).status).toBe(200);
    expect((await read(signups.GET, `${s.path}/signups`)).status).toBe(200);
    expect(await auditOf(s.waitlist.teamId)).toEqual([]);

    const csv = await read(exportCsv.GET, `${s.path}/export.csv`, "?status=waiting&joined_after=2026-01-01");
    expect(csv.status).toBe(200);
    const rows = await auditOf(s.waitlist.teamId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: s.owner.id,
      action: "GET /api/waitlists/:id/export.csv",
      target: s.waitlist.id,
      waitlist_id: s.waitlist.id,
      details: { filter: { status: "waiting", joined_after: "2026-01-01T00:00:00.000Z" } },
    });
  });
});

describe("the audit_log table", () => {
  it("is append-only for the app's own connection: UPDATE, DELETE and TRUNCATE raise", async () => {
    const s = await scene();
    await s.patch({}, { cookie: s.owner.cookie });
    const before = await auditOf(s.waitlist.teamId);
    expect(before).toHaveLength(1);
    for (const sql of [
      `UPDATE audit_log SET actor_label = 'someone else' WHERE team_id = $1`,
      `DELETE FROM audit_log WHERE team_id = $1`,
      `TRUNCATE audit_log`,
    ]) {
      await expect(pool().query(sql, sql.includes("$1") ? [s.waitlist.teamId] : []), sql).rejects.toThrow(/append-only/);
    }
    await expect(db().auditLog.deleteMany({ where: { teamId: s.waitlist.teamId } })).rejects.toThrow();
    expect(await auditOf(s.waitlist.teamId)).toEqual(before);
  });
});
