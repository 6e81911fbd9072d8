import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { removeSignup, setSignupStatus } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { BLOCK_SIZE, blockOf, referencePositions, scoreOf, type RankInput } from "@/lib/signups/position";
import { updateWaitlist } from "@/lib/waitlists/mutations";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";

afterAll(closeDb);

const person = (id: string, seq: number, referrals: number, waiting = true): RankInput => ({ id, seq, referrals, waiting });

/** The stored score's order, (score, seq), for the same people: it must agree with the rule. */
function byScore(people: RankInput[], boost: number): Map<string, number> {
  const line = people
    .filter((p) => p.waiting)
    .map((p) => ({ ...p, score: scoreOf(p.seq, p.referrals, boost) }))
    .sort((a, b) => a.score - b.score || a.seq - b.seq);
  return new Map(line.map((p, i) => [p.id, i + 1]));
}

describe("the definition of a position", () => {
  it("orders by join sequence when nobody referred anyone", () => {
    const p = referencePositions([person("a", 1, 0), person("b", 2, 0), person("c", 3, 0)], 1);
    expect([...p]).toEqual([["a", 1], ["b", 2], ["c", 3]]);
  });

  it("moves a referrer up by exactly boost places per referral: a first referral at boost 1 passes one person", () => {
    // b (seq 2) with one referral at boost 1 lands level with a: the referred-up person goes first.
    const p = referencePositions([person("a", 1, 0), person("b", 2, 1), person("c", 3, 0)], 1);
    expect([p.get("b"), p.get("a"), p.get("c")]).toEqual([1, 2, 3]);
    // In a line of ten, the last person with k referrals at boost 1 is at 10 - k; at boost 2, 10 - 2k.
    for (const boost of [1, 2]) {
      for (const k of [1, 2, 3, 4]) {
        const line = Array.from({ length: 10 }, (_, i) => person(`p${i + 1}`, i + 1, i === 9 ? k : 0));
        expect({ boost, k, at: referencePositions(line, boost).get("p10") }).toEqual({ boost, k, at: 10 - boost * k });
      }
    }
  });

  it("orders level referred-up people by referrals' base, then the earlier joiner", () => {
    // c (seq 5, 2 referrals) and b (seq 4, 1 referral... base 3) vs a (seq 3, none): base 3 for all three.
    const p = referencePositions([person("a", 3, 0), person("b", 4, 1), person("c", 5, 2)], 1);
    expect([p.get("b"), p.get("c"), p.get("a")]).toEqual([1, 2, 3]);
  });

  it("is what the stored score orders by, over a pseudo-random line", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const boost of [1, 2, 5]) {
      const people = Array.from({ length: 300 }, (_, i) => person(`p${i}`, i + 1, rand(4) === 0 ? rand(6) : 0, rand(9) > 0));
      expect(byScore(people, boost)).toEqual(referencePositions(people, boost));
    }
  });

  it("caps the effect of a boost bigger than the line at first place", () => {
    const p = referencePositions([person("a", 1, 0), person("b", 2, 0), person("c", 3, 1)], 500);
    expect(p.get("c")).toBe(1);
    expect([...p.values()].sort()).toEqual([1, 2, 3]);
  });

  it("does not count people who were let in (or removed, whose rows are gone)", () => {
    const p = referencePositions([person("a", 1, 0, false), person("b", 2, 0), person("d", 4, 0)], 1);
    expect(p.get("a")).toBeUndefined();
    expect(p.get("b")).toBe(1);
    expect(p.get("d")).toBe(2);
  });

  it("puts negative scores in the blocks below zero", () => {
    expect(blockOf(0)).toBe(0);
    expect(blockOf(BLOCK_SIZE - 1)).toBe(0);
    expect(blockOf(BLOCK_SIZE)).toBe(1);
    expect(blockOf(-1)).toBe(-1);
    expect(blockOf(-BLOCK_SIZE)).toBe(-1);
    expect(blockOf(-BLOCK_SIZE - 1)).toBe(-2);
  });
});

describe("positions in the database", () => {
  it("match the definition through referrals, invites, removals and a boost change", async () => {
    const boost = 3;
    const w = await createWaitlist({ referralBoost: boost });
    const codes: string[] = [];
    const ids: string[] = [];
    // A deterministic pseudo-random mix, so a failure can be replayed.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 60; i++) {
      const ref = codes.length > 0 && rand(3) === 0 ? codes[rand(codes.length)] : null;
      const r = await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref });
      if (r.kind !== "created") throw new Error(`unexpected ${r.kind}`);
      // A new signup is always last in line.
      const waiting = (await db().waitlist.findUniqueOrThrow({ where: { id: w.id } })).waitingCount;
      expect(r.position).toBe(waiting);
      codes.push(r.refCode);
      ids.push(r.id);
    }
    await expectLineMatchesDefinition(w.id, boost);

    for (const id of [ids[3], ids[10], ids[11]]) expect(await setSignupStatus(w.id, id!, "INVITED")).toBe(true);
    expect(await setSignupStatus(w.id, ids[3]!, "INVITED")).toBe(false);
    for (const id of [ids[0], ids[20], ids[59]]) expect(await removeSignup(w.id, id!)).toBe(true);
    expect(await removeSignup(w.id, ids[0]!)).toBe(false);
    await expectLineMatchesDefinition(w.id, boost);

    expect(await setSignupStatus(w.id, ids[10]!, "WAITING")).toBe(true);
    await expectLineMatchesDefinition(w.id, boost);

    // The owner's settings change, which rescores the line in the same transaction.
    expect((await updateWaitlist(w.teamId, w.id, { referral_boost: 700 })).referral_boost).toBe(700);
    await expectLineMatchesDefinition(w.id, 700);
  });

  it("never lets an owner touch a signup through another waitlist's id", async () => {
    const a = await createWaitlist();
    const b = await createWaitlist();
    const r = await createSignup({ waitlistId: a.id, email: uniqueEmail() });
    if (r.kind !== "created") throw new Error("not created");
    expect(await removeSignup(b.id, r.id)).toBe(false);
    expect(await setSignupStatus(b.id, r.id, "INVITED")).toBe(false);
    expect(await db().signup.count({ where: { id: r.id } })).toBe(1);
  });
});
