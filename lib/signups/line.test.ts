import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { newRefCode, newStatusToken } from "@/lib/signups/codes";
import { recordJoined, roomLeft, setSignupStatus, withLockedLine } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { updateWaitlist } from "@/lib/waitlists/mutations";
import { createOwner, createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";

afterAll(closeDb);

/** A bulk append the way an import does it: rows inserted under the lock, then counted by recordJoined. */
async function appendUnderLock(waitlistId: string, count: number) {
  return withLockedLine(waitlistId, async (line) => {
    const n = Math.min(count, roomLeft(line.waitlist));
    const seqs = Array.from({ length: n }, (_, i) => line.waitlist.nextSeq + 1 + i);
    await line.client.query(
      `INSERT INTO signups (waitlist_id, email, ref_code, seq, score, status_token_hash)
       SELECT $1, e, c, s, 2 * s, h FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS t(e, c, s, h)`,
      [waitlistId, seqs.map(() => uniqueEmail()), seqs.map(() => newRefCode()), seqs, seqs.map(() => newStatusToken().hash)],
    );
    await recordJoined(line, seqs);
    return seqs;
  });
}

describe("the line's keeper", () => {
  it("locks only an existing waitlist, and only the owner's when an owner is given", async () => {
    const w = await createWaitlist();
    const stranger = await createOwner();
    let called = 0;
    const run = (id: string, ownerId?: string) => withLockedLine(id, async (line) => (called++, line.waitlist.slug), ownerId);
    expect(await run("no-such-waitlist")).toBeNull();
    expect(await run(w.id, stranger.id)).toBeNull();
    expect(called).toBe(0);
    expect(await run(w.id, w.teamId)).toBe(w.slug);
    expect(await run(w.id)).toBe(w.slug);
  });

  it("counts a bulk append like single signups, up to the room the caps leave", async () => {
    const w = await createWaitlist({ capacity: 1300, plan: "PRO", referralBoost: 2 });
    const first = await createSignup({ waitlistId: w.id, email: uniqueEmail() });
    if (first.kind !== "created") throw new Error(`unexpected ${first.kind}`);
    // Past one block of scores (2048 scores, 1024 newcomers), so more than one block row moves.
    expect(await appendUnderLock(w.id, 1100)).toHaveLength(1100);
    const referred = await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: first.refCode });
    expect(referred).toMatchObject({ kind: "created", position: 1102 });
    await expectLineMatchesDefinition(w.id, 2);

    expect(await appendUnderLock(w.id, 5000)).toHaveLength(1300 - 1102);
    expect(await appendUnderLock(w.id, 1)).toEqual([]);
    expect(await createSignup({ waitlistId: w.id, email: uniqueEmail() })).toEqual({ kind: "full" });
    await expectLineMatchesDefinition(w.id, 2);
  });

  it("applies settings and a new boost in one transaction: a failing rescore keeps the old title too", async () => {
    const w = await createWaitlist({ title: "Before", referralBoost: 1 });
    for (let i = 0; i < 3; i++) await createSignup({ waitlistId: w.id, email: uniqueEmail() });
    // Beyond PostgreSQL's int: the boost's UPDATE fails after the title's, in the same transaction.
    await expect(updateWaitlist(w.teamId, w.id, { title: "After", referral_boost: 2 ** 31 })).rejects.toThrow(/out of range/);
    expect(await db().waitlist.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ title: "Before", referralBoost: 1 });

    const updated = await updateWaitlist(w.teamId, w.id, { title: "After", referral_boost: 4, theme: { primary: "#000000" } });
    expect(updated).toMatchObject({ title: "After", referral_boost: 4, theme: { primary: "#000000", bg: "#ffffff" } });
    await expectLineMatchesDefinition(w.id, 4);
  });

  it("answers not_found for another owner's waitlist and changes nothing", async () => {
    const w = await createWaitlist({ title: "Mine" });
    const stranger = await createOwner();
    await expect(updateWaitlist(stranger.id, w.id, { title: "Theirs" })).rejects.toMatchObject({ code: "not_found" });
    expect((await db().waitlist.findUniqueOrThrow({ where: { id: w.id } })).title).toBe("Mine");
  });

  it("moves an invited person out of the counts and back in", async () => {
    const w = await createWaitlist();
    const a = await createSignup({ waitlistId: w.id, email: uniqueEmail() });
    await createSignup({ waitlistId: w.id, email: uniqueEmail() });
    if (a.kind !== "created") throw new Error(`unexpected ${a.kind}`);
    expect(await setSignupStatus(w.id, a.id, "INVITED")).toBe(true);
    await expectLineMatchesDefinition(w.id, 1);
    expect(await setSignupStatus(w.id, a.id, "WAITING")).toBe(true);
    await expectLineMatchesDefinition(w.id, 1);
  });
});
