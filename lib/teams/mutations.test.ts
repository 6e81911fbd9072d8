import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changeMemberRole, createTeam, removeMember } from "@/lib/teams/mutations";
import { createOwner } from "@/tests/support/fixtures";

// The team's row lock (SELECT ... FOR UPDATE) under real concurrency, without the route gate in front: both
// changes reach the transaction believing there are two owners, and the lock must still leave one.

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
  it("two owners demoting each other at once: one succeeds, the other is refused, one owner remains", async () => {
    for (let round = 0; round < 10; round++) {
      const { teamId, a, b } = await twoOwners();
      const results = await Promise.all([outcome(changeMemberRole(teamId, b, "admin")), outcome(changeMemberRole(teamId, a, "viewer"))]);
      expect(results.sort()).toEqual(["conflict", "ok"]);
      expect(await owners(teamId)).toBe(1);
    }
  });

  it("two owners leaving at once, or removing each other: one owner remains", async () => {
    for (let round = 0; round < 10; round++) {
      const { teamId, a, b } = await twoOwners();
      const results = await Promise.all([outcome(removeMember(teamId, a, true)), outcome(removeMember(teamId, b, round % 2 === 0))]);
      expect(results.sort()).toEqual(["conflict", "ok"]);
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
