import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as keys from "@/app/api/keys/route";
import * as keyItem from "@/app/api/keys/[keyId]/route";
import * as importRoute from "@/app/api/waitlists/[id]/import/route";
import * as invitations from "@/app/api/waitlists/[id]/invitations/route";
import * as review from "@/app/api/waitlists/[id]/review/route";
import * as signup from "@/app/api/waitlists/[id]/signups/[signupId]/route";
import * as waves from "@/app/api/waitlists/[id]/waves/route";
import * as wave from "@/app/api/waitlists/[id]/waves/[waveId]/route";
import * as webhooks from "@/app/api/waitlists/[id]/webhooks/route";
import { closeDb, db, pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createSignup } from "@/lib/signups/mutations";
import { sendTo } from "@/tests/support/audit-calls";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { signedInOwner } from "@/tests/support/owner-api";

// What the route handlers add to the gate's record (ctx.audit): enough to tell what happened (old and new
// status, how many were let in, which key, which host), and never a signup's email, a secret or a URL's path.

const saved = { ...process.env };
beforeAll(() => {
  process.env = { ...saved, APP_URL: "http://localhost:3000", TURNSTILE_MODE: "off" };
  resetEnvCache();
});
afterAll(async () => {
  process.env = saved;
  resetEnvCache();
  await closeDb();
});

/** Any route handler, whatever its params (each call below passes the ones its route needs). */
type AnyHandler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
type Row = { action: string; target: string | null; details: Record<string, unknown> };

async function scene() {
  const owner = await signedInOwner();
  const list = await createWaitlist({ ownerId: owner.id, title: "Detailed", plan: "PRO" });
  const emails = [uniqueEmail("ann"), uniqueEmail("bob"), uniqueEmail("cat")];
  const ids: string[] = [];
  for (const email of emails) {
    const s = await createSignup({ waitlistId: list.id, email });
    if (s.kind !== "created") throw new Error(s.kind);
    ids.push(s.id);
  }
  const base = `/api/waitlists/${list.id}`;
  const call = (handler: AnyHandler, method: string, path: string, params: Record<string, string>, body?: unknown, contentType?: string) =>
    sendTo(handler as Parameters<typeof sendTo>[0], { method, path: `${base}${path}`, params: { id: list.id, ...params }, cookie: owner.cookie, body, contentType });
  const log = async (): Promise<Row[]> =>
    (await pool().query<Row>(`SELECT action, target, details FROM audit_log WHERE team_id = $1 ORDER BY id`, [list.teamId])).rows;
  return { owner, list, emails, ids, call, log, base };
}

describe("details of the audit record, added by the routes", () => {
  it("a status change (old -> new, the person by id), a removal, letting people in, review decisions", async () => {
    const s = await scene();
    expect((await s.call(signup.PATCH, "PATCH", `/signups/${s.ids[0]}`, { signupId: s.ids[0]! }, { status: "joined" })).status).toBe(200);
    expect((await s.call(signup.DELETE, "DELETE", `/signups/${s.ids[0]}`, { signupId: s.ids[0]! })).status).toBe(200);
    expect((await s.call(invitations.POST, "POST", "/invitations", {}, { top: 5 })).status).toBe(200);
    expect((await s.call(review.POST, "POST", "/review", {}, { action: "approve", ids: [s.ids[1]] })).status).toBe(200);

    const rows = await s.log();
    expect(rows).toEqual([
      { action: "PATCH /api/waitlists/:id/signups/:signupId", target: s.ids[0], details: { fields: ["status"], from: "waiting", to: "joined" } },
      { action: "DELETE /api/waitlists/:id/signups/:signupId", target: s.ids[0], details: { status: "joined" } },
      { action: "POST /api/waitlists/:id/invitations", target: s.list.id, details: { fields: ["top"], invited: 2, selection: "top", asked: 5 } },
      { action: "POST /api/waitlists/:id/review", target: s.list.id, details: { fields: ["action", "ids"], decision: "approve", asked: 1, changed: 0 } },
    ]);
    const text = JSON.stringify(rows).toLowerCase();
    for (const email of s.emails) expect(text).not.toContain(email.toLowerCase());
  });

  it("waves: what was scheduled and what was cancelled", async () => {
    const s = await scene();
    const created = await s.call(waves.POST, "POST", "/waves", {}, { kind: "daily", size: 5, time: "10:00" });
    expect(created.status).toBe(201);
    const waveId = (created.json?.wave as { id: string }).id;
    expect((await s.call(wave.DELETE, "DELETE", `/waves/${waveId}`, { waveId })).status).toBe(200);
    const [scheduled, cancelled] = await s.log();
    expect(scheduled).toMatchObject({ action: "POST /api/waitlists/:id/waves", details: { wave_id: waveId, kind: "daily", size: 5, next_run_at: expect.any(String) } });
    expect(cancelled).toEqual({ action: "DELETE /api/waitlists/:id/waves/:waveId", target: waveId, details: { kind: "daily", size: 5, status: "cancelled" } });
  });

  it("API keys: name, scope and prefix, never the secret", async () => {
    const s = await scene();
    const created = await sendTo(keys.POST, { method: "POST", path: "/api/keys", params: {}, cookie: s.owner.cookie, body: { name: "Zapier", scope: "read" } });
    expect(created.status).toBe(201);
    const key = created.json?.key as { id: string; prefix: string };
    const revoked = await sendTo(keyItem.DELETE, { method: "DELETE", path: `/api/keys/${key.id}`, params: { keyId: key.id }, cookie: s.owner.cookie });
    expect(revoked.status).toBe(200);
    const rows = await s.log();
    expect(rows).toEqual([
      { action: "POST /api/keys", target: null, details: { fields: ["name", "scope"], key_id: key.id, name: "Zapier", scope: "read", prefix: key.prefix } },
      { action: "DELETE /api/keys/:keyId", target: key.id, details: { name: "Zapier", scope: "read", prefix: key.prefix } },
    ]);
    expect(JSON.stringify(rows)).not.toContain((created.json?.secret as string).slice(12));
  });

  it("webhook endpoints: the URL's host and a fingerprint only", async () => {
    const s = await scene();
    const r = await s.call(webhooks.POST, "POST", "/webhooks", {}, { url: "https://93.184.215.14/hooks/tok_abc123?sig=zzz", events: ["signup.created"], enabled: false });
    expect(r.status).toBe(201);
    const rows = await s.log();
    expect(rows).toEqual([
      { action: "POST /api/waitlists/:id/webhooks", target: s.list.id, details: { fields: ["url", "events", "enabled"], host: "93.184.215.14", url_fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/), events: ["signup.created"], enabled: false } },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/tok_abc123|sig=|whsec_/);
  });

  it("imports: a preview, and an import recorded with its counts when it ends", async () => {
    const s = await scene();
    const csv = `email,name\n${uniqueEmail("new")},New Person\nnot-an-email,Bad\n${s.emails[1]},Already here\n`;
    const preview = await s.call(importRoute.POST, "POST", "/import?dry_run=1", {}, csv, "text/csv");
    expect(preview.status).toBe(200);
    const run = await s.call(importRoute.POST, "POST", "/import", {}, csv, "text/csv");
    expect(run.status).toBe(200);
    expect(run.text).toContain('"type":"done"');

    const rows = await s.log();
    expect(rows).toEqual([
      { action: "POST /api/waitlists/:id/import", target: s.list.id, details: { dry_run: true, rows: 3, valid_rows: 2, invalid_rows: 1, welcome: false } },
      { action: "POST /api/waitlists/:id/import", target: s.list.id, details: { dry_run: false, rows: 3, valid_rows: 2, invalid_rows: 1, welcome: false } },
      { action: "import.finished", target: null, details: { imported: 1, skipped: 2 } },
    ]);
    const finished = await db().auditLog.findFirstOrThrow({ where: { teamId: s.list.teamId, action: "import.finished" } });
    expect(finished).toMatchObject({ actorKind: "session", actorUserId: s.owner.id, waitlistId: s.list.id, ip: expect.any(String) });
    expect(JSON.stringify(rows)).not.toContain("New Person");
  });
});
