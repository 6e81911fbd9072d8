import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as invitations from "@/app/api/teams/[teamId]/invitations/route";
import * as invitation from "@/app/api/teams/[teamId]/invitations/[invitationId]/route";
import * as member from "@/app/api/teams/[teamId]/members/[userId]/route";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { hashInviteToken } from "@/lib/teams/invitations";
import { findLink, startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { uniqueEmail } from "@/tests/support/fixtures";
import { auditActions, callTeam, codeOf, person, teamWith, type Person } from "@/tests/support/team-api";

// Inviting people into a team: owners only, emailed through the transport (here the fake Resend), only the
// token's hash stored, capped per team per rolling 24 hours, re-sent on a second invitation, revocable.

let resend: FakeResend;
const saved = { ...process.env };
beforeAll(async () => {
  resend = await startFakeResend();
});
beforeEach(() => {
  process.env = { ...saved, APP_URL: "http://localhost:3000", RESEND_API_KEY: "re_test", RESEND_BASE_URL: resend.url, TEAM_INVITES_PER_DAY: "20" };
  delete process.env.AUTH_URL;
  delete process.env.EMAIL_TRANSPORT;
  resetEnvCache();
  resend.failWith(null);
});
afterAll(async () => {
  await resend.close();
  process.env = saved;
  resetEnvCache();
  await closeDb();
});

const invite = (by: Person, teamId: string, body: unknown) =>
  callTeam(invitations.POST, { method: "POST", path: `/api/teams/${teamId}/invitations`, params: { teamId }, cookie: by.cookie, body });
const pending = (by: Person, teamId: string) =>
  callTeam(invitations.GET, { method: "GET", path: `/api/teams/${teamId}/invitations`, params: { teamId }, cookie: by.cookie });
const mailTo = (email: string) => resend.messages.filter((m) => m.to.includes(email));

describe("inviting", () => {
  it("emails a single link to the address, stores only its hash, and lists the invitation as pending", async () => {
    const owner = await person();
    const id = await teamWith("Rocket <b>Crew</b>", [{ id: owner.id, role: "owner" }]);
    const email = uniqueEmail("InViTee");
    const r = await invite(owner, id, { email, role: "admin" });
    expect(r.status).toBe(201);
    const created = r.json.invitation as { id: string; email: string; expires_at: string; created_at: string };
    expect(r.json).toEqual({
      ok: true,
      resent: false,
      invitation: { id: created.id, email: email.toLowerCase(), role: "admin", invited_by: owner.email, created_at: expect.any(String), expires_at: expect.any(String) },
    });
    const days = (Date.parse(created.expires_at) - Date.parse(created.created_at)) / 86_400_000;
    expect(days).toBeCloseTo(7, 5);

    const [mail, ...more] = mailTo(email.toLowerCase());
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`${owner.email} invited you to Rocket <b>Crew</b> on WaitForge`);
    expect(mail!.html).toContain("Rocket &lt;b&gt;Crew&lt;/b&gt;");
    expect(mail!.html).not.toContain("<b>Crew</b>");
    expect(mail!.text).toContain("as admin");
    const link = findLink(mail!, "/invite/");
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = link!.split("/").pop()!;

    // Only the sha256 of the token is in the database; the answer never carries it.
    const row = await db().teamInvitation.findUniqueOrThrow({ where: { id: created.id }, select: { tokenHash: true } });
    expect(row.tokenHash).toBe(hashInviteToken(token));
    const everything = JSON.stringify(await db().teamInvitation.findMany({ where: { teamId: id } }));
    expect(everything).not.toContain(token);
    expect(JSON.stringify(r.json)).not.toContain(token);

    const list = await pending(owner, id);
    expect(list.json.invitations).toEqual([r.json.invitation]);
    expect(JSON.stringify(list.json)).not.toContain(token);
    expect(await auditActions(id)).toEqual([
      expect.objectContaining({ action: "POST /api/teams/:teamId/invitations", actor_label: owner.email, details: { fields: ["email", "role"], email: email.toLowerCase(), role: "admin", resent: false } }),
    ]);
  });

  it("lets only owners invite (admins 403, viewers 403), admins see pending ones, viewers do not", async () => {
    const [owner, admin, viewer] = [await person(), await person(), await person()];
    const id = await teamWith("Gatekeepers", [{ id: owner.id, role: "owner" }, { id: admin.id, role: "admin" }, { id: viewer.id, role: "viewer" }]);
    for (const who of [admin, viewer]) {
      const r = await invite(who, id, { email: uniqueEmail("nope"), role: "viewer" });
      expect({ status: r.status, code: codeOf(r) }).toEqual({ status: 403, code: "forbidden" });
    }
    expect(await db().teamInvitation.count({ where: { teamId: id } })).toBe(0);
    expect((await pending(admin, id)).status).toBe(200);
    const byViewer = await pending(viewer, id);
    expect({ status: byViewer.status, code: codeOf(byViewer) }).toEqual({ status: 403, code: "forbidden" });
  });

  it("refuses a member's address (409) and re-sends to an address already invited, revoking the older link", async () => {
    const [owner, member] = [await person(), await person()];
    const id = await teamWith("Resend", [{ id: owner.id, role: "owner" }, { id: member.id, role: "viewer" }]);
    const taken = await invite(owner, id, { email: member.email.toUpperCase(), role: "admin" });
    expect({ status: taken.status, code: codeOf(taken), field: (taken.json.error as { field?: string }).field }).toEqual({ status: 409, code: "conflict", field: "email" });

    const email = uniqueEmail("twice");
    const first = await invite(owner, id, { email, role: "viewer" });
    const second = await invite(owner, id, { email, role: "admin" });
    expect([first.status, second.status, second.json.resent]).toEqual([201, 201, true]);
    const list = (await pending(owner, id)).json.invitations as { id: string; role: string }[];
    expect(list.map((i) => [i.id, i.role])).toEqual([[(second.json.invitation as { id: string }).id, "admin"]]);
    expect(mailTo(email)).toHaveLength(2);
  });

  it("refuses bad input with the field named", async () => {
    const owner = await person();
    const id = await teamWith("Input", [{ id: owner.id, role: "owner" }]);
    for (const [body, field] of [[{ email: "not-an-email", role: "viewer" }, "email"], [{ email: uniqueEmail("x"), role: "god" }, "role"], [{ email: uniqueEmail("x") }, "role"]] as const) {
      const r = await invite(owner, id, body);
      expect({ status: r.status, field: (r.json.error as { field?: string }).field }).toEqual({ status: 400, field });
    }
  });

  it("creates nothing when the email cannot be sent", async () => {
    const owner = await person();
    const id = await teamWith("Outage", [{ id: owner.id, role: "owner" }]);
    resend.failWith(500);
    const r = await invite(owner, id, { email: uniqueEmail("later"), role: "viewer" });
    resend.failWith(null);
    expect({ status: r.status, code: codeOf(r) }).toEqual({ status: 500, code: "internal_error" });
    expect(await db().teamInvitation.count({ where: { teamId: id } })).toBe(0);
    expect(await auditActions(id)).toEqual([]);
  });
});

describe("the daily cap", () => {
  it("allows TEAM_INVITES_PER_DAY in any 24 hours, then 429 rate_limited with Retry-After; older ones no longer count", async () => {
    process.env.TEAM_INVITES_PER_DAY = "3";
    resetEnvCache();
    const owner = await person();
    const id = await teamWith("Capped", [{ id: owner.id, role: "owner" }]);
    // One sent 25 hours ago is outside the window.
    await db().teamInvitation.create({
      data: { teamId: id, email: uniqueEmail("old"), role: "viewer", tokenHash: hashInviteToken(`old-${id}`), expiresAt: new Date(), createdAt: new Date(Date.now() - 25 * 3600_000) },
      select: { id: true },
    });
    for (let i = 0; i < 3; i++) expect((await invite(owner, id, { email: uniqueEmail(`cap${i}`), role: "viewer" })).status).toBe(201);
    const refused = await invite(owner, id, { email: uniqueEmail("cap-over"), role: "viewer" });
    expect({ status: refused.status, code: codeOf(refused) }).toEqual({ status: 429, code: "rate_limited" });
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(23 * 3600);
    expect(wait).toBeLessThanOrEqual(24 * 3600);
    expect(await db().teamInvitation.count({ where: { teamId: id } })).toBe(4);

    // Revoking does not give the day's invitations back (re-sends and revoked ones count).
    const first = (await pending(owner, id)).json.invitations as { id: string }[];
    await callTeam(invitation.DELETE, { method: "DELETE", path: `/api/teams/${id}/invitations/${first[0]!.id}`, params: { teamId: id, invitationId: first[0]!.id }, cookie: owner.cookie });
    expect((await invite(owner, id, { email: uniqueEmail("cap-again"), role: "viewer" })).status).toBe(429);
  });

  it("counts concurrent invitations under the team's lock: never more than the cap", async () => {
    process.env.TEAM_INVITES_PER_DAY = "2";
    resetEnvCache();
    const owner = await person();
    const id = await teamWith("Burst", [{ id: owner.id, role: "owner" }]);
    const answers = await Promise.all([0, 1, 2, 3].map((i) => invite(owner, id, { email: uniqueEmail(`burst${i}`), role: "viewer" })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 429, 429]);
  });
});

describe("the caps across teams", () => {
  it("one team sends an address at most 3 invitations in 24 hours (re-sends count), and cannot block it for other teams", async () => {
    const [alice, bob] = [await person(), await person()];
    const [a, b] = [await teamWith("A", [{ id: alice.id, role: "owner" }]), await teamWith("B", [{ id: bob.id, role: "owner" }])];
    const target = uniqueEmail("popular");
    expect((await invite(alice, a, { email: target, role: "viewer" })).status).toBe(201);
    // A re-send is another email to the same inbox: it counts.
    expect((await invite(alice, a, { email: target.toUpperCase(), role: "admin" })).status).toBe(201);
    expect((await invite(alice, a, { email: target, role: "viewer" })).status).toBe(201);
    const refused = await invite(alice, a, { email: target, role: "viewer" });
    expect({ status: refused.status, code: codeOf(refused) }).toEqual({ status: 429, code: "rate_limited" });
    expect((refused.json.error as { message: string }).message).toMatch(/This team has sent .* 3 invitations in the last 24 hours/);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(23 * 3600);
    expect(wait).toBeLessThanOrEqual(24 * 3600);
    expect(mailTo(target)).toHaveLength(3);
    // The real team's invitation still goes out.
    expect((await invite(bob, b, { email: target, role: "viewer" })).status).toBe(201);
    expect(mailTo(target)).toHaveLength(4);
  });

  it("an address is invited by at most 10 teams in 24 hours, also when they invite at the same moment", async () => {
    const target = uniqueEmail("burst-target");
    const owners = await Promise.all(Array.from({ length: 12 }, () => person()));
    const teams = await Promise.all(owners.map((o, i) => teamWith(`Burst ${i}`, [{ id: o.id, role: "owner" }])));
    const answers = await Promise.all(owners.map((o, i) => invite(o, teams[i]!, { email: target, role: "viewer" })));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(10).fill(201), 429, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    expect((refused.json.error as { message: string }).message).toMatch(/invited by 10 teams in the last 24 hours/);
    expect(await db().teamInvitation.count({ where: { email: target } })).toBe(10);
  });

  it("one person sends at most 50 invitations in 24 hours across all their teams: 429 with Retry-After", async () => {
    const owner = await person();
    const [first, second] = [await teamWith("First", [{ id: owner.id, role: "owner" }]), await teamWith("Second", [{ id: owner.id, role: "owner" }])];
    // 49 already sent from the first team (more than its own cap: rows as if sent over the day), one 25 hours ago.
    await db().teamInvitation.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        teamId: first,
        email: uniqueEmail(`sent${i}`),
        role: "viewer",
        tokenHash: hashInviteToken(`sent-${first}-${i}`),
        invitedBy: owner.id,
        expiresAt: new Date(Date.now() + 86_400_000),
        createdAt: new Date(Date.now() - (i === 0 ? 25 * 3600_000 : 3600_000)),
      })),
    });
    expect((await invite(owner, second, { email: uniqueEmail("fiftieth"), role: "viewer" })).status).toBe(201);
    const refused = await invite(owner, second, { email: uniqueEmail("fifty-first"), role: "viewer" });
    expect({ status: refused.status, code: codeOf(refused) }).toEqual({ status: 429, code: "rate_limited" });
    expect((refused.json.error as { message: string }).message).toMatch(/You have sent 50 team invitations in the last 24 hours \(all your teams together\)/);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(22 * 3600);
    expect(wait).toBeLessThanOrEqual(23 * 3600);
    // A co-owner of the second team has their own allowance.
    const coOwner = await person();
    await db().teamMember.create({ data: { teamId: second, userId: coOwner.id, role: "owner" }, select: { userId: true } });
    expect((await invite(coOwner, second, { email: uniqueEmail("co"), role: "viewer" })).status).toBe(201);
  });
});

describe("an inviter demoted at the same moment", () => {
  it("never leaves a pending invitation sent by someone who is no longer an owner", async () => {
    for (let round = 0; round < 5; round++) {
      const [alice, bob] = [await person(), await person()];
      const id = await teamWith(`Race ${round}`, [{ id: alice.id, role: "owner" }, { id: bob.id, role: "owner" }]);
      const [demoted, invited] = await Promise.all([
        callTeam(member.PATCH, { method: "PATCH", path: `/api/teams/${id}/members/${bob.id}`, params: { teamId: id, userId: bob.id }, cookie: alice.cookie, body: { role: "admin" } }),
        invite(bob, id, { email: uniqueEmail(`race${round}`), role: "owner" }),
      ]);
      expect(demoted.status).toBe(200);
      // Bob's invitation went in before the demotion (and was revoked by it), or was refused (403) after it.
      expect([201, 403]).toContain(invited.status);
      expect(await db().teamInvitation.count({ where: { teamId: id, invitedBy: bob.id, revokedAt: null } })).toBe(0);
    }
  });
});

describe("revoking", () => {
  it("revokes a pending invitation (owners only); it leaves the list and a second revoke is 404", async () => {
    const [owner, admin] = [await person(), await person()];
    const id = await teamWith("Revokers", [{ id: owner.id, role: "owner" }, { id: admin.id, role: "admin" }]);
    const made = (await invite(owner, id, { email: uniqueEmail("gone"), role: "viewer" })).json.invitation as { id: string; email: string };
    const del = (by: Person) =>
      callTeam(invitation.DELETE, { method: "DELETE", path: `/api/teams/${id}/invitations/${made.id}`, params: { teamId: id, invitationId: made.id }, cookie: by.cookie });
    const byAdmin = await del(admin);
    expect({ status: byAdmin.status, code: codeOf(byAdmin) }).toEqual({ status: 403, code: "forbidden" });
    expect((await del(owner)).status).toBe(200);
    expect((await pending(owner, id)).json.invitations).toEqual([]);
    expect((await del(owner)).status).toBe(404);
    const row = await db().teamInvitation.findUniqueOrThrow({ where: { id: made.id }, select: { revokedAt: true } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect((await auditActions(id)).at(-1)).toMatchObject({ action: "DELETE /api/teams/:teamId/invitations/:invitationId", target: made.id, details: { email: made.email } });
  });

  it("another team's owner cannot revoke it (404)", async () => {
    const [owner, stranger] = [await person(), await person()];
    const id = await teamWith("Mine", [{ id: owner.id, role: "owner" }]);
    const made = (await invite(owner, id, { email: uniqueEmail("kept"), role: "viewer" })).json.invitation as { id: string };
    const theirs = stranger.personalTeamId;
    const r = await callTeam(invitation.DELETE, { method: "DELETE", path: `/api/teams/${theirs}/invitations/${made.id}`, params: { teamId: theirs, invitationId: made.id }, cookie: stranger.cookie });
    expect(r.status).toBe(404);
    expect((await pending(owner, id)).json.invitations).toHaveLength(1);
  });
});
