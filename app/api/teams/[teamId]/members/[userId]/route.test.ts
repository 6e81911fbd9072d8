import { describe, expect, it } from "vitest";
import * as member from "@/app/api/teams/[teamId]/members/[userId]/route";
import * as team from "@/app/api/teams/[teamId]/route";
import { db } from "@/lib/db";
import { createKey } from "@/lib/keys/mutations";
import { auditActions, callTeam, codeOf, person, roleOf, teamWith, type Person } from "@/tests/support/team-api";
import { setupTestEnv } from "@/tests/support/test-env";

// Members: role changes (owners only), removing (owners) and leaving (anyone), and the two rules that hold
// whatever runs at once: a team keeps an owner, and nobody leaves their personal team.

setupTestEnv({ APP_URL: "http://localhost:3000" });

const setRole = (by: Person, teamId: string, userId: string, role: string) =>
  callTeam(member.PATCH, { method: "PATCH", path: `/api/teams/${teamId}/members/${userId}`, params: { teamId, userId }, cookie: by.cookie, body: { role } });
const remove = (by: Person, teamId: string, userId: string) =>
  callTeam(member.DELETE, { method: "DELETE", path: `/api/teams/${teamId}/members/${userId}`, params: { teamId, userId }, cookie: by.cookie });

describe("changing roles", () => {
  it("lets an owner change roles and records who did it; admins and viewers get 403 and nothing changes", async () => {
    const [owner, admin, viewer] = [await person(), await person(), await person()];
    const id = await teamWith("Roles", [{ id: owner.id, role: "owner" }, { id: admin.id, role: "admin" }, { id: viewer.id, role: "viewer" }]);

    for (const [by, target] of [[admin, viewer], [viewer, admin], [admin, admin]] as const) {
      const r = await setRole(by, id, target.id, "owner");
      expect({ status: r.status, code: codeOf(r) }).toEqual({ status: 403, code: "forbidden" });
    }
    expect([await roleOf(id, admin.id), await roleOf(id, viewer.id)]).toEqual(["admin", "viewer"]);

    const r = await setRole(owner, id, viewer.id, "admin");
    expect(r.status).toBe(200);
    expect(r.json.member).toMatchObject({ user_id: viewer.id, role: "admin", you: false });
    expect(await roleOf(id, viewer.id)).toBe("admin");
    expect(await auditActions(id)).toEqual([
      expect.objectContaining({ action: "PATCH /api/teams/:teamId/members/:userId", target: viewer.id, actor_label: owner.email, details: { fields: ["role"], role: "admin", previous_role: "viewer", keys_revoked: 0, invitations_revoked: 0 } }),
    ]);

    const bad = await setRole(owner, id, viewer.id, "superuser");
    expect({ status: bad.status, field: (bad.json.error as { field?: string }).field }).toEqual({ status: 400, field: "role" });
    const nobody = await setRole(owner, id, "no-such-user", "viewer");
    expect(nobody.status).toBe(404);
  });

  it("never demotes the last owner (409), but does once there is another", async () => {
    const [owner, admin] = [await person(), await person()];
    const id = await teamWith("Last owner", [{ id: owner.id, role: "owner" }, { id: admin.id, role: "admin" }]);
    const refused = await setRole(owner, id, owner.id, "admin");
    expect({ status: refused.status, code: codeOf(refused) }).toEqual({ status: 409, code: "conflict" });
    expect((refused.json.error as { message: string }).message).toMatch(/last owner/);
    expect(await roleOf(id, owner.id)).toBe("owner");

    expect((await setRole(owner, id, admin.id, "owner")).status).toBe(200);
    expect((await setRole(owner, id, owner.id, "viewer")).status).toBe(200);
    expect([await roleOf(id, owner.id), await roleOf(id, admin.id)]).toEqual(["viewer", "owner"]);
  });

  it("two owners demoting each other at the same moment leave one owner, never none", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await person(), await person()];
      const id = await teamWith(`Race ${round}`, [{ id: a.id, role: "owner" }, { id: b.id, role: "owner" }]);
      const answers = await Promise.all([setRole(a, id, b.id, "viewer"), setRole(b, id, a.id, "viewer")]);
      // The loser is refused either by the lock (409, both passed the gate as owners) or, when the winner had
      // already committed, by the gate (403: no longer an owner). lib/teams/mutations.test.ts races the lock alone.
      expect(answers.map((r) => r.status).sort()).toEqual([200, expect.toSatisfy((s: number) => s === 403 || s === 409)]);
      const owners = await db().teamMember.count({ where: { teamId: id, role: "owner" } });
      expect(owners).toBe(1);
    }
  });

  it("two owners leaving at the same moment leave one owner", async () => {
    const [a, b] = [await person(), await person()];
    const id = await teamWith("Race to leave", [{ id: a.id, role: "owner" }, { id: b.id, role: "owner" }]);
    const answers = await Promise.all([remove(a, id, a.id), remove(b, id, b.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, expect.toSatisfy((s: number) => s === 404 || s === 409)]);
    expect(await db().teamMember.count({ where: { teamId: id, role: "owner" } })).toBe(1);
  });
});

describe("removing and leaving", () => {
  it("lets an owner remove a member, and anyone leave; an admin cannot remove someone else", async () => {
    const [owner, admin, viewer, other] = [await person(), await person(), await person(), await person()];
    const id = await teamWith("Leavers", [{ id: owner.id, role: "owner" }, { id: admin.id, role: "admin" }, { id: viewer.id, role: "viewer" }, { id: other.id, role: "viewer" }]);

    const byAdmin = await remove(admin, id, other.id);
    expect({ status: byAdmin.status, code: codeOf(byAdmin) }).toEqual({ status: 403, code: "forbidden" });
    expect(await roleOf(id, other.id)).toBe("viewer");

    const left = await remove(viewer, id, viewer.id);
    expect(left.json).toEqual({ ok: true, left: true });
    expect(await roleOf(id, viewer.id)).toBeNull();
    // Leaving clears nothing else: their personal team is untouched.
    expect(await roleOf(viewer.personalTeamId, viewer.id)).toBe("owner");

    const removed = await remove(owner, id, other.id);
    expect(removed.json).toEqual({ ok: true, left: false });
    expect(await roleOf(id, other.id)).toBeNull();
    expect((await remove(owner, id, other.id)).status).toBe(404);

    expect((await auditActions(id)).map((a) => [a.action, a.target, a.actor_label, a.details.left])).toEqual([
      ["DELETE /api/teams/:teamId/members/:userId", viewer.id, viewer.email, true],
      ["DELETE /api/teams/:teamId/members/:userId", other.id, owner.email, false],
    ]);
  });

  it("the last owner cannot leave or be removed (409)", async () => {
    const [owner, viewer] = [await person(), await person()];
    const id = await teamWith("Sole owner", [{ id: owner.id, role: "owner" }, { id: viewer.id, role: "viewer" }]);
    const r = await remove(owner, id, owner.id);
    expect({ status: r.status, code: codeOf(r) }).toEqual({ status: 409, code: "conflict" });
    expect((r.json.error as { message: string }).message).toMatch(/last owner/);
    expect(await roleOf(id, owner.id)).toBe("owner");
  });

  it("nobody leaves, is removed from or is demoted in their own personal team, even with another owner there", async () => {
    const [alice, bob] = [await person(), await person()];
    await db().teamMember.create({ data: { teamId: alice.personalTeamId, userId: bob.id, role: "owner" }, select: { userId: true } });

    const leave = await remove(alice, alice.personalTeamId, alice.id);
    expect({ status: leave.status, code: codeOf(leave) }).toEqual({ status: 409, code: "conflict" });
    expect((leave.json.error as { message: string }).message).toMatch(/your personal team/);
    const removed = await remove(bob, alice.personalTeamId, alice.id);
    expect({ status: removed.status, code: codeOf(removed) }).toEqual({ status: 409, code: "conflict" });
    expect((removed.json.error as { message: string }).message).toBe(`${alice.email}'s personal team always keeps ${alice.email} as an owner: they can't be removed here.`);
    for (const role of ["admin", "viewer"]) {
      const demoted = await setRole(bob, alice.personalTeamId, alice.id, role);
      expect({ role, status: demoted.status, code: codeOf(demoted) }).toEqual({ role, status: 409, code: "conflict" });
      expect((demoted.json.error as { message: string }).message).toBe(`${alice.email}'s personal team always keeps ${alice.email} as an owner: they can't be demoted here.`);
    }
    // Not by herself either (there is another owner, so the last-owner rule would not stop it).
    const self = await setRole(alice, alice.personalTeamId, alice.id, "viewer");
    expect({ status: self.status, code: codeOf(self) }).toEqual({ status: 409, code: "conflict" });
    expect((self.json.error as { message: string }).message).toMatch(/your personal team: it always keeps you as an owner/);
    expect(await roleOf(alice.personalTeamId, alice.id)).toBe("owner");
    expect((await setRole(bob, alice.personalTeamId, alice.id, "owner")).status).toBe(200);
    expect(await auditActions(alice.personalTeamId)).toHaveLength(1);

    // Bob is not at home there: he may leave Alice's team.
    expect((await remove(bob, alice.personalTeamId, bob.id)).status).toBe(200);
  });

  it("a stranger, or a member naming another team's id, gets 404", async () => {
    const [owner, stranger] = [await person(), await person()];
    const id = await teamWith("Private", [{ id: owner.id, role: "owner" }]);
    const r = await remove(stranger, id, owner.id);
    expect(r.status).toBe(404);
    const role = await setRole(stranger, id, owner.id, "viewer");
    expect(role.status).toBe(404);
    expect(await roleOf(id, owner.id)).toBe("owner");
  });
});

describe("what a member's power leaves behind", () => {
  const keyOf = (teamId: string, by: string, name: string, scope: "read" | "write") => createKey(teamId, by, { name, scope });
  const active = async (teamId: string) =>
    (await db().apiKey.findMany({ where: { teamId, revokedAt: null }, select: { name: true }, orderBy: { name: "asc" } })).map((k) => k.name);
  const getTeam = (teamId: string, secret: string) => callTeam(team.GET, { method: "GET", path: `/api/teams/${teamId}`, params: { teamId }, bearer: secret });

  it("demoting an admin to viewer revokes all their keys (a read key may export, a viewer may not); removing them too", async () => {
    const [owner, admin] = [await person(), await person()];
    const id = await teamWith("Keys", [{ id: owner.id, role: "owner" }, { id: admin.id, role: "admin" }]);
    const write = await keyOf(id, admin.id, "admin write", "write");
    const read = await keyOf(id, admin.id, "admin read", "read");
    await keyOf(id, owner.id, "owner write", "write");
    // Another team's key of the same person is not this team's business.
    await keyOf(admin.personalTeamId, admin.id, "elsewhere", "write");
    expect((await getTeam(id, write.secret)).status).toBe(200);

    expect((await setRole(owner, id, admin.id, "viewer")).status).toBe(200);
    expect(await active(id)).toEqual(["owner write"]);
    expect((await getTeam(id, write.secret)).status).toBe(401);
    expect((await getTeam(id, read.secret)).status).toBe(401);
    expect((await auditActions(id)).at(-1)?.details).toMatchObject({ role: "viewer", previous_role: "admin", keys_revoked: 2, invitations_revoked: 0 });

    expect((await remove(owner, id, admin.id)).status).toBe(200);
    expect(await active(id)).toEqual(["owner write"]);
    expect((await auditActions(id)).at(-1)?.details).toMatchObject({ left: false, keys_revoked: 0 });
    expect(await active(admin.personalTeamId)).toEqual(["elsewhere"]);
  });

  it("an owner removed: the admin power of their read-write key goes with them; leaving does the same; owner to admin keeps keys", async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const id = await teamWith("Owners' keys", [{ id: alice.id, role: "owner" }, { id: bob.id, role: "owner" }, { id: carol.id, role: "admin" }]);
    const bobs = await keyOf(id, bob.id, "bob ci", "write");
    await keyOf(id, bob.id, "bob read", "read");
    await keyOf(id, carol.id, "carol ci", "write");

    expect((await setRole(alice, id, bob.id, "admin")).status).toBe(200);
    expect(await active(id)).toEqual(["bob ci", "bob read", "carol ci"]);
    expect((await remove(alice, id, bob.id)).status).toBe(200);
    expect(await active(id)).toEqual(["carol ci"]);
    expect((await getTeam(id, bobs.secret)).status).toBe(401);
    expect((await auditActions(id)).at(-1)?.details).toMatchObject({ keys_revoked: 2 });

    expect((await remove(carol, id, carol.id)).json).toEqual({ ok: true, left: true });
    expect(await active(id)).toEqual([]);
    expect((await auditActions(id)).at(-1)?.details).toMatchObject({ left: true, keys_revoked: 1 });
  });

  it("a refused removal or demotion revokes nothing", async () => {
    const [owner, viewer] = [await person(), await person()];
    const id = await teamWith("Kept", [{ id: owner.id, role: "owner" }, { id: viewer.id, role: "viewer" }]);
    await keyOf(id, owner.id, "sole owner's key", "write");
    expect((await setRole(owner, id, owner.id, "viewer")).status).toBe(409);
    expect((await remove(owner, id, owner.id)).status).toBe(409);
    expect(await active(id)).toEqual(["sole owner's key"]);
  });
});
