import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { createKey } from "@/lib/keys/mutations";
import { changeMemberRole, createTeam, removeMember, updateTeam } from "@/lib/teams/mutations";
import { createOwner, uniqueEmail } from "@/tests/support/fixtures";

// The team's row lock (SELECT ... FOR UPDATE) under real concurrency, without the route gate in front: both
// changes reach the transaction believing there are two owners, and the lock must still leave one. And the
// caller's role read again under that lock: the gate's read is from the start of the request, and a co-owner
// may have demoted or removed them since.

afterAll(async () => {
  await closeDb();
});

async function twoOwners() {
  const [a, b] = [await createOwner(), await createOwner()];
  const team = await createTeam(a.id, { name: "Two owners" });
  await db().teamMember.create({ data: { teamId: team.id, userId: b.id, role: "owner" }, select: { userId: true } });
  return { teamId: team.id, a: a.id, b: b.id };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

const owners = (teamId: string) => db().teamMember.count({ where: { teamId, role: "owner" } });

describe("the last-owner rule under concurrency", () => {
  it("two owners demoting themselves at once: one succeeds, the other is the last owner (409), one owner remains", async () => {
    for (let round = 0; round < 10; round++) {
      const { teamId, a, b } = await twoOwners();
      const results = await Promise.all([outcome(changeMemberRole(teamId, b, b, "admin")), outcome(changeMemberRole(teamId, a, a, "viewer"))]);
      expect(results.sort()).toEqual(["conflict", "ok"]);
      expect(await owners(teamId)).toBe(1);
    }
  });

  it("two owners demoting each other at once: the second is no longer an owner when its turn comes (403), one owner remains", async () => {
    for (let round = 0; round < 10; round++) {
      const { teamId, a, b } = await twoOwners();
      const results = await Promise.all([outcome(changeMemberRole(teamId, a, b, "admin")), outcome(changeMemberRole(teamId, b, a, "viewer"))]);
      expect(results.sort()).toEqual(["forbidden", "ok"]);
      expect(await owners(teamId)).toBe(1);
    }
  });

  it("two owners leaving at once (409 for the second), or removing each other (403 for the second): one owner remains", async () => {
    for (let round = 0; round < 10; round++) {
      const { teamId, a, b } = await twoOwners();
      const leaving = round % 2 === 0;
      const results = await Promise.all(leaving ? [outcome(removeMember(teamId, a, a)), outcome(removeMember(teamId, b, b))] : [outcome(removeMember(teamId, a, b)), outcome(removeMember(teamId, b, a))]);
      expect(results.sort()).toEqual([leaving ? "conflict" : "forbidden", "ok"]);
      expect(await owners(teamId)).toBe(1);
    }
  });

  it("creates a team whose only member is its owner", async () => {
    const a = await createOwner();
    const team = await createTeam(a.id, { name: "Solo" });
    expect(await db().teamMember.findMany({ where: { teamId: team.id }, select: { userId: true, role: true } })).toEqual([{ userId: a.id, role: "owner" }]);
    expect(await db().team.findUniqueOrThrow({ where: { id: team.id }, select: { personalOf: true, name: true } })).toEqual({ personalOf: null, name: "Solo" });
  });
});

describe("an admin demoted or removed after the gate read their role", () => {
  it("cannot create an API key any more (403): a key made after the offboarding would outlive it", async () => {
    const { teamId, a } = await twoOwners();
    const admin = await createOwner();
    await db().teamMember.create({ data: { teamId, userId: admin.id, role: "admin" }, select: { userId: true } });
    expect(await outcome(createKey(teamId, admin.id, { name: "before", scope: "write" }))).toBe("ok");
    // The admin's next request passed the gate; an owner demotes them before it takes the team's lock.
    await changeMemberRole(teamId, a, admin.id, "viewer");
    expect(await outcome(createKey(teamId, admin.id, { name: "after", scope: "write" }))).toBe("forbidden");
    await removeMember(teamId, a, admin.id);
    expect(await outcome(createKey(teamId, admin.id, { name: "gone", scope: "read" }))).toBe("forbidden");
    expect(await db().apiKey.count({ where: { teamId, createdBy: admin.id, revokedAt: null } })).toBe(0);
  });
});

describe("an owner demoted or removed after the gate read their role", () => {
  it("can no longer change roles, remove someone, invite, revoke an invitation or change the settings (403), and nothing changes", async () => {
    const { teamId, a, b } = await twoOwners();
    const viewer = await createOwner();
    await db().teamMember.create({ data: { teamId, userId: viewer.id, role: "viewer" }, select: { userId: true } });
    const pending = await db().teamInvitation.create({
      data: { teamId, email: uniqueEmail("pending"), role: "viewer", tokenHash: `hash-${teamId}`, invitedBy: a, expiresAt: new Date(Date.now() + 86_400_000) },
      select: { id: true },
    });
    // B's request passed the gate as an owner; A demotes B before B's change takes the lock.
    await changeMemberRole(teamId, a, b, "admin");
    const inviter = await db().user.findUniqueOrThrow({ where: { id: b }, select: { email: true } });

    const attempts = {
      role: await outcome(changeMemberRole(teamId, b, viewer.id, "owner")),
      remove: await outcome(removeMember(teamId, b, viewer.id)),
      invite: await outcome(createInvitation(teamId, { userId: b, email: inviter.email }, { email: uniqueEmail("late"), role: "owner" })),
      revoke: await outcome(revokeInvitation(teamId, b, pending.id)),
      settings: await outcome(updateTeam(teamId, b, { name: "Taken over" })),
    };
    expect(attempts).toEqual({ role: "forbidden", remove: "forbidden", invite: "forbidden", revoke: "forbidden", settings: "forbidden" });
    expect(await db().teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: viewer.id } }, select: { role: true } })).toEqual({ role: "viewer" });
    expect(await db().teamInvitation.count({ where: { teamId } })).toBe(1);
    expect(await db().teamInvitation.findUniqueOrThrow({ where: { id: pending.id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    expect((await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } })).name).toBe("Two owners");

    // Removed altogether: the same, with the reason worded for it. Leaving needs no owner.
    await removeMember(teamId, a, b);
    const gone = await changeMemberRole(teamId, b, viewer.id, "admin").catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(AppError);
    expect(gone).toMatchObject({ code: "forbidden", message: expect.stringMatching(/no longer a member/) });
    expect(await outcome(removeMember(teamId, viewer.id, viewer.id))).toBe("ok");
  });

  it("a still-current owner passes the same check", async () => {
    const { teamId, a, b } = await twoOwners();
    await updateTeam(teamId, a, { name: "Renamed" });
    expect(await changeMemberRole(teamId, a, b, "admin")).toEqual({ role: "admin", previous: "owner", keysRevoked: 0, invitationsRevoked: 0 });
    expect((await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } })).name).toBe("Renamed");
  });
});
