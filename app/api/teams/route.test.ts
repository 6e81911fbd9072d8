import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as teams from "@/app/api/teams/route";
import * as current from "@/app/api/teams/current/route";
import * as team from "@/app/api/teams/[teamId]/route";
import * as members from "@/app/api/teams/[teamId]/members/route";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createKey } from "@/lib/keys/mutations";
import { resetKeyRateLimiter } from "@/lib/keys/rate-limit";
import { auditActions, callTeam, codeOf, person, teamWith } from "@/tests/support/team-api";

// Teams through the real handlers: creating one, listing, switching the dashboard's team (the cookie), reading
// a team and its members, and its settings, which only owners change.

const saved = { ...process.env };
beforeAll(() => {
  process.env = { ...saved, APP_URL: "http://localhost:3000" };
  // The cookie's Secure flag follows AUTH_URL when it is set; these tests choose it through APP_URL.
  delete process.env.AUTH_URL;
  delete process.env.SECURE_COOKIES;
  resetEnvCache();
});
afterAll(async () => {
  process.env = saved;
  resetEnvCache();
  await resetKeyRateLimiter();
  await closeDb();
});

describe("creating and listing teams", () => {
  it("creates a team with the creator as its only owner, makes it current, and records it in the new team", async () => {
    const alice = await person();
    const created = await callTeam(teams.POST, { method: "POST", path: "/api/teams", cookie: alice.cookie, body: { name: "  Launch crew  " } });
    expect(created.status).toBe(201);
    const made = created.json.team as { id: string };
    expect(created.json.team).toEqual({ id: made.id, name: "Launch crew", personal: false, plan: "FREE", viewers_can_export: false, your_role: "owner", member_count: 1 });
    expect(created.headers.get("set-cookie")).toBe(`waitforge_team=${made.id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax`);
    expect(await db().teamMember.findMany({ where: { teamId: made.id }, select: { userId: true, role: true } })).toEqual([{ userId: alice.id, role: "owner" }]);
    expect(await auditActions(made.id)).toEqual([expect.objectContaining({ action: "POST /api/teams", actor_label: alice.email, details: { fields: ["name"] } })]);
    expect(await auditActions(alice.personalTeamId)).toEqual([]);

    const list = await callTeam(teams.GET, { method: "GET", path: "/api/teams", cookie: `${alice.cookie}; waitforge_team=${made.id}` });
    expect(list.status).toBe(200);
    expect(list.json).toEqual({
      ok: true,
      teams: [
        { id: alice.personalTeamId, name: expect.any(String), role: "owner", personal: true, plan: "FREE" },
        { id: made.id, name: "Launch crew", role: "owner", personal: false, plan: "FREE" },
      ],
      current_team_id: made.id,
    });
  });

  it("refuses bad names (empty, too long, line breaks) and API keys", async () => {
    const alice = await person();
    for (const name of ["   ", "x".repeat(81), "Two\nlines", 42]) {
      const r = await callTeam(teams.POST, { method: "POST", path: "/api/teams", cookie: alice.cookie, body: { name } });
      expect({ name, status: r.status, code: codeOf(r), field: (r.json.error as { field?: string }).field }).toEqual({ name, status: 400, code: "invalid_input", field: "name" });
    }
    const key = await createKey(alice.personalTeamId, alice.id, { name: "ci", scope: "write" });
    const byKey = await callTeam(teams.POST, { method: "POST", path: "/api/teams", bearer: key.secret, body: { name: "Keyed" } });
    expect({ status: byKey.status, code: codeOf(byKey) }).toEqual({ status: 403, code: "forbidden" });
    expect(await db().team.count({ where: { name: "Keyed" } })).toBe(0);
  });

  it("refuses names with control, format (bidi, zero-width) or line/paragraph separator characters, on create and rename", async () => {
    const alice = await person();
    const id = await teamWith("Plain", [{ id: alice.id, role: "owner" }]);
    const names = {
      "bell (Cc)": "Ring\u0007er",
      "next line (C1 Cc)": "Two\u0085lines",
      "right-to-left override (Cf)": "Acme\u202Egnp.exe",
      "zero-width space (Cf)": "Ac\u200Bme",
      "zero-width joiner (Cf)": "Ac\u200Dme",
      "line separator": "Two\u2028lines",
      "paragraph separator": "Two\u2029lines",
    };
    for (const [label, name] of Object.entries(names)) {
      const created = await callTeam(teams.POST, { method: "POST", path: "/api/teams", cookie: alice.cookie, body: { name } });
      const renamed = await callTeam(team.PATCH, { method: "PATCH", path: `/api/teams/${id}`, params: { teamId: id }, cookie: alice.cookie, body: { name } });
      for (const r of [created, renamed]) {
        expect({ label, status: r.status, code: codeOf(r), field: (r.json.error as { field?: string }).field }).toEqual({ label, status: 400, code: "invalid_input", field: "name" });
      }
      expect((created.json.error as { message: string }).message).toMatch(/invisible formatting characters/);
    }
    expect(await db().team.findUniqueOrThrow({ where: { id }, select: { name: true } })).toEqual({ name: "Plain" });
    // Letters of any script, accents and emoji without joiners are names like any other.
    const fine = await callTeam(teams.POST, { method: "POST", path: "/api/teams", cookie: alice.cookie, body: { name: "Équipe 東京 🚀" } });
    expect(fine.status).toBe(201);
  });

  it("shows an API key only its own team", async () => {
    const alice = await person();
    const other = await teamWith("Other team", [{ id: alice.id, role: "owner" }]);
    const key = await createKey(alice.personalTeamId, alice.id, { name: "ci", scope: "read" });
    const list = await callTeam(teams.GET, { method: "GET", path: "/api/teams", bearer: key.secret });
    expect(list.json).toEqual({ ok: true, teams: [{ id: alice.personalTeamId, name: expect.any(String), role: "viewer", personal: false, plan: "FREE" }], current_team_id: alice.personalTeamId });
    const foreign = await callTeam(team.GET, { method: "GET", path: `/api/teams/${other}`, params: { teamId: other }, bearer: key.secret });
    expect(foreign.status).toBe(404);
  });
});

describe("switching the dashboard's team", () => {
  it("sets the httpOnly cookie for a team the person is in, 404 for any other, not audited", async () => {
    const alice = await person();
    const bob = await person();
    const shared = await teamWith("Shared", [{ id: alice.id, role: "viewer" }]);
    const ok = await callTeam(current.PUT, { method: "PUT", path: "/api/teams/current", cookie: alice.cookie, body: { team_id: shared } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ ok: true, current_team_id: shared });
    expect(ok.headers.get("set-cookie")).toMatch(new RegExp(`^waitforge_team=${shared}; Path=/; .*HttpOnly; SameSite=Lax$`));
    expect(await auditActions(shared)).toEqual([]);

    const theirs = await callTeam(current.PUT, { method: "PUT", path: "/api/teams/current", cookie: alice.cookie, body: { team_id: bob.personalTeamId } });
    expect({ status: theirs.status, code: codeOf(theirs), cookie: theirs.headers.get("set-cookie") }).toEqual({ status: 404, code: "not_found", cookie: null });
    const garbage = await callTeam(current.PUT, { method: "PUT", path: "/api/teams/current", cookie: alice.cookie, body: { team_id: "nope" } });
    expect(garbage.status).toBe(400);
  });

  it("marks the cookie Secure when the app is served over https", async () => {
    process.env.APP_URL = "https://waitforge.example";
    resetEnvCache();
    try {
      const alice = await person();
      const r = await callTeam(current.PUT, {
        method: "PUT",
        path: "/api/teams/current",
        cookie: alice.cookie,
        body: { team_id: alice.personalTeamId },
        headers: { origin: "https://waitforge.example" },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get("set-cookie")).toMatch(/; Secure$/);
    } finally {
      process.env.APP_URL = "http://localhost:3000";
      resetEnvCache();
    }
  });
});

describe("a team's page and settings", () => {
  it("shows the team and its members to every member; strangers get 404", async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const id = await teamWith("Readers", [{ id: alice.id, role: "owner" }, { id: bob.id, role: "viewer" }]);
    const seen = await callTeam(team.GET, { method: "GET", path: `/api/teams/${id}`, params: { teamId: id }, cookie: bob.cookie });
    expect(seen.json.team).toEqual({ id, name: "Readers", personal: false, plan: "FREE", viewers_can_export: false, your_role: "viewer", member_count: 2 });
    const list = await callTeam(members.GET, { method: "GET", path: `/api/teams/${id}/members`, params: { teamId: id }, cookie: bob.cookie });
    expect(list.json.members).toEqual([
      { user_id: alice.id, email: alice.email, name: null, role: "owner", joined_at: expect.any(String), you: false, personal: false },
      { user_id: bob.id, email: bob.email, name: null, role: "viewer", joined_at: expect.any(String), you: true, personal: false },
    ]);
    for (const [h, path] of [[team.GET, `/api/teams/${id}`], [members.GET, `/api/teams/${id}/members`]] as const) {
      const r = await callTeam(h, { method: "GET", path, params: { teamId: id }, cookie: carol.cookie });
      expect({ path, status: r.status, body: JSON.stringify(r.json).includes(alice.email) }).toEqual({ path, status: 404, body: false });
    }
    const notAnId = await callTeam(team.GET, { method: "GET", path: "/api/teams/x", params: { teamId: "x" }, cookie: alice.cookie });
    expect(notAnId.status).toBe(404);
  });

  it("lets owners rename the team and allow viewers to export; an admin or viewer gets 403 and nothing changes", async () => {
    const [owner, admin, viewer] = [await person(), await person(), await person()];
    const id = await teamWith("Before", [{ id: owner.id, role: "owner" }, { id: admin.id, role: "admin" }, { id: viewer.id, role: "viewer" }]);
    for (const who of [admin, viewer]) {
      const r = await callTeam(team.PATCH, { method: "PATCH", path: `/api/teams/${id}`, params: { teamId: id }, cookie: who.cookie, body: { name: "Hijacked", viewers_can_export: true } });
      expect({ status: r.status, code: codeOf(r) }).toEqual({ status: 403, code: "forbidden" });
    }
    expect(await db().team.findUniqueOrThrow({ where: { id }, select: { name: true, viewersCanExport: true } })).toEqual({ name: "Before", viewersCanExport: false });

    const r = await callTeam(team.PATCH, { method: "PATCH", path: `/api/teams/${id}`, params: { teamId: id }, cookie: owner.cookie, body: { name: "After", viewers_can_export: true } });
    expect(r.status).toBe(200);
    expect(r.json.team).toMatchObject({ name: "After", viewers_can_export: true, your_role: "owner" });
    const only = await callTeam(team.PATCH, { method: "PATCH", path: `/api/teams/${id}`, params: { teamId: id }, cookie: owner.cookie, body: { viewers_can_export: false } });
    expect(only.json.team).toMatchObject({ name: "After", viewers_can_export: false });
    const empty = await callTeam(team.PATCH, { method: "PATCH", path: `/api/teams/${id}`, params: { teamId: id }, cookie: owner.cookie, body: {} });
    expect(empty.status).toBe(400);
    expect((await auditActions(id)).map((a) => [a.action, a.target, a.details])).toEqual([
      ["PATCH /api/teams/:teamId", id, { fields: ["name", "viewers_can_export"] }],
      ["PATCH /api/teams/:teamId", id, { fields: ["viewers_can_export"] }],
    ]);
  });
});
