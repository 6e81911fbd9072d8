import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db, pool } from "@/lib/db";
import { approveHeld, confirmPendingSignup, rejectHeld, removeSignup, setSignupStatus } from "@/lib/signups/line";
import { moveCredits } from "@/lib/signups/line-credit";
import { createSignup, type CreateSignupResult } from "@/lib/signups/mutations";
import { getRefPosition } from "@/lib/signups/status";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";

afterAll(closeDb);

function created(r: CreateSignupResult) {
  if (r.kind !== "created") throw new Error(`expected a new signup, got ${r.kind}`);
  return r;
}

async function credit(id: string) {
  return db().signup.findUniqueOrThrow({ where: { id }, select: { referralCount: true, referralCredit: true, holdReason: true, status: true } });
}

/** A list of `n` people (no referrals), the last of whom is the referrer under test. */
async function lineOf(n: number, overrides: Parameters<typeof createWaitlist>[0] = {}) {
  const w = await createWaitlist({ plan: "PRO", ...overrides });
  const people = [];
  for (let i = 0; i < n; i++) people.push(created(await createSignup({ waitlistId: w.id, email: uniqueEmail() })));
  return { w, people, last: people[n - 1]! };
}

describe("one mailbox, one place", () => {
  it("answers a.lice+x@gmail.com after alice@gmail.com as the duplicate it is, crediting nobody", async () => {
    const { w, last: referrer } = await lineOf(3);
    const local = `alice${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const alice = created(await createSignup({ waitlistId: w.id, email: `${local}@gmail.com`, ref: referrer.refCode }));
    for (const variant of [`${local.slice(0, 2)}.${local.slice(2)}+x@gmail.com`, `${local}@googlemail.com`, `${local}+launch@gmail.com`]) {
      const again = await createSignup({ waitlistId: w.id, email: variant, ref: alice.refCode });
      expect(again).toMatchObject({ kind: "duplicate", refCode: alice.refCode, position: alice.position });
    }
    // Alice's own +tag through her own link credits nobody: it is her.
    expect(await credit(alice.id)).toMatchObject({ referralCount: 0 });
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(4);
    await expectLineMatchesDefinition(w.id, 1);
  });

  it("dedupes by mailbox inside one batch, and keeps dotted addresses apart where the provider does", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    const tag = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const answers = await Promise.all(
      [`ann${tag}@example.com`, `ann${tag}+2@example.com`, `a.nn${tag}@example.com`, `ANN${tag}@EXAMPLE.COM`].map((email) =>
        createSignup({ waitlistId: w.id, email }),
      ),
    );
    expect(answers.map((a) => a.kind)).toEqual(["created", "duplicate", "created", "duplicate"]);
    await expectLineMatchesDefinition(w.id, 1);
  });
});

describe("a referral moves the referrer up by exactly the boost", () => {
  it("a first referral at boost 1 passes one person; three pass three", async () => {
    const { w, last } = await lineOf(6);
    expect(last.position).toBe(6);
    created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: last.refCode }));
    expect(await getRefPosition(w.id, last.refCode)).toBe(5);
    for (let i = 0; i < 2; i++) created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: last.refCode }));
    expect(await getRefPosition(w.id, last.refCode)).toBe(3);
    await expectLineMatchesDefinition(w.id, 1);
  });
});

describe("taking a credit back", () => {
  it("removing a referee takes their credit back at once; putting them back gives it back; deleting takes it back", async () => {
    const { w, last } = await lineOf(5);
    const friends = [];
    for (let i = 0; i < 2; i++) friends.push(created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: last.refCode })));
    expect(await getRefPosition(w.id, last.refCode)).toBe(3);

    expect(await setSignupStatus(w.id, friends[0]!.id, "REMOVED")).toBe(true);
    expect(await credit(friends[0]!.id)).toMatchObject({ referralCredit: "revoked" });
    expect(await credit(last.id)).toMatchObject({ referralCount: 1 });
    expect(await getRefPosition(w.id, last.refCode)).toBe(4);
    await expectLineMatchesDefinition(w.id, 1);

    expect(await setSignupStatus(w.id, friends[0]!.id, "WAITING")).toBe(true);
    expect(await credit(last.id)).toMatchObject({ referralCount: 2 });
    expect(await getRefPosition(w.id, last.refCode)).toBe(3);
    await expectLineMatchesDefinition(w.id, 1);

    expect(await removeSignup(w.id, friends[1]!.id)).toBe(true);
    expect(await credit(last.id)).toMatchObject({ referralCount: 1 });
    await expectLineMatchesDefinition(w.id, 1);
    // Letting a referee in keeps the credit: they are a real person who got in.
    expect(await setSignupStatus(w.id, friends[0]!.id, "INVITED")).toBe(true);
    expect(await credit(last.id)).toMatchObject({ referralCount: 1 });
    await expectLineMatchesDefinition(w.id, 1);
  });
});

describe("velocity: many referees of one referrer from one place are held for review", () => {
  it("credits the first 3 from one IP within the window and holds the 4th; another IP still credits", async () => {
    const { w, last } = await lineOf(8);
    const fromOneIp = [];
    for (let i = 0; i < 5; i++) {
      fromOneIp.push(created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: last.refCode, ip: "198.51.100.7" })));
    }
    expect(await Promise.all(fromOneIp.map(async (f) => (await credit(f.id)).referralCredit))).toEqual([
      "credited", "credited", "credited", "held", "held",
    ]);
    expect(await credit(fromOneIp[3]!.id)).toMatchObject({ holdReason: "same_ip" });
    expect(await credit(last.id)).toMatchObject({ referralCount: 3 });
    const elsewhere = created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: last.refCode, ip: "192.0.2.44" }));
    expect(await credit(elsewhere.id)).toMatchObject({ referralCredit: "credited" });
    expect(await credit(last.id)).toMatchObject({ referralCount: 4 });
    await expectLineMatchesDefinition(w.id, 1);

    // Approving one credits it now and moves the referrer; rejecting the other removes that referee only.
    const before = await getRefPosition(w.id, last.refCode);
    expect(await approveHeld(w.id, [fromOneIp[3]!.id, fromOneIp[0]!.id])).toEqual([fromOneIp[3]!.id]);
    expect(await credit(last.id)).toMatchObject({ referralCount: 5 });
    expect(await getRefPosition(w.id, last.refCode)).toBe(before! - 1);
    await expectLineMatchesDefinition(w.id, 1);

    expect(await rejectHeld(w.id, [fromOneIp[4]!.id])).toEqual([fromOneIp[4]!.id]);
    expect(await credit(fromOneIp[4]!.id)).toMatchObject({ status: "REMOVED", referralCredit: "rejected" });
    expect(await credit(last.id)).toMatchObject({ referralCount: 5 });
    await expectLineMatchesDefinition(w.id, 1);
    // A rejected referee put back in line gives nothing: the owner rejected that credit.
    expect(await setSignupStatus(w.id, fromOneIp[4]!.id, "WAITING")).toBe(true);
    expect(await credit(last.id)).toMatchObject({ referralCount: 5 });
    await expectLineMatchesDefinition(w.id, 1);
  });

  it("holds the 11th from one /24 (and one IPv6 /48), in one batch as across batches; the owner's thresholds apply", async () => {
    const { w, last } = await lineOf(2);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: last.refCode, ip: `198.51.100.${10 + i}` }),
      ),
    );
    const states = await Promise.all(burst.map(async (b) => (await credit(created(b).id)).referralCredit));
    expect(states.filter((s) => s === "credited")).toHaveLength(10);
    expect(states.filter((s) => s === "held")).toHaveLength(2);
    await expectLineMatchesDefinition(w.id, 1);

    const strict = await lineOf(1, { velocityPerIp: 0, velocityPerNetwork: 2 });
    const v6 = [];
    for (const ip of ["2001:db8:1:2::1", "2001:db8:1:ffff::9", "2001:0db8:0001::42", "2001:db8:2::1"]) {
      v6.push(created(await createSignup({ waitlistId: strict.w.id, email: uniqueEmail(), ref: strict.last.refCode, ip })));
    }
    expect(await Promise.all(v6.map(async (f) => (await credit(f.id)).referralCredit))).toEqual(["credited", "credited", "held", "credited"]);
    // Per IP, an IPv6 host is its /64: rotating the interface id does not make a new person.
    const perIp = await lineOf(1, { velocityPerIp: 1, velocityPerNetwork: 0 });
    const rotating = [];
    for (const ip of ["2001:db8:7:1::a", "2001:db8:7:1:ffff::b", "2001:db8:7:2::c"]) {
      rotating.push(created(await createSignup({ waitlistId: perIp.w.id, email: uniqueEmail(), ref: perIp.last.refCode, ip })));
    }
    expect(await Promise.all(rotating.map(async (f) => (await credit(f.id)).referralCredit))).toEqual(["credited", "held", "credited"]);
    await expectLineMatchesDefinition(strict.w.id, 1);
  });

  it("stores no IP, only a keyed hash and the network, and only for referred signups", async () => {
    const { w, last } = await lineOf(1);
    const plain = created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ip: "198.51.100.200" }));
    const referred = created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: last.refCode, ip: "198.51.100.200" }));
    const { rows } = await pool().query<{ id: string; ip_hash: string | null; ip_net: string | null }>(
      `SELECT id, ip_hash, ip_net FROM signups WHERE id = ANY($1::uuid[])`,
      [[plain.id, referred.id]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(plain.id)).toMatchObject({ ip_hash: null, ip_net: null });
    expect(byId.get(referred.id)?.ip_net).toBe("198.51.100.0/24");
    expect(byId.get(referred.id)?.ip_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(byId.get(referred.id))).not.toContain("198.51.100.200");
  });
});

describe("races and windows", () => {
  it("a credit committed while a batch waits for the lock keeps the blocks exact (the old score is the row's own)", async () => {
    // A boost of 1000 moves a referrer about one block (2048 scores) per credit, so a stale old score shows.
    const { w, last: referrer } = await lineOf(4, { referralBoost: 1000 });
    const other = await pool().connect();
    let batch: Promise<CreateSignupResult> | undefined;
    try {
      await other.query("BEGIN");
      const { rows } = await other.query(`SELECT id, referral_boost AS "referralBoost" FROM waitlists WHERE id = $1 FOR UPDATE`, [w.id]);
      // Another change credits the referrer under the lock (as a confirmation would)...
      await moveCredits({ client: other, waitlist: rows[0] } as Parameters<typeof moveCredits>[0], new Map([[referrer.id, 1]]));
      // ...while a signup through their link starts its statement and waits for the lock.
      batch = createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: referrer.refCode });
      await new Promise((r) => setTimeout(r, 300));
      await other.query("COMMIT");
    } finally {
      other.release();
    }
    created(await batch!);
    expect(await credit(referrer.id)).toMatchObject({ referralCount: 2 });
    await expectLineMatchesDefinition(w.id, 1000);
  });

  it("counts a confirmation's window from when credits were given, not when the referees signed up", async () => {
    const { w, last } = await lineOf(3, { velocityPerIp: 1 });
    await db().waitlist.update({ where: { id: w.id }, data: { doubleOptIn: true } });
    const pending = [];
    for (let i = 0; i < 2; i++) {
      pending.push(created(await createSignup({ waitlistId: w.id, email: uniqueEmail(), ref: last.refCode, ip: "198.51.100.9" })));
    }
    // They signed up long before the window; confirming both now is still two credits from one IP at once.
    await pool().query(`UPDATE signups SET created_at = now() - interval '3 hours' WHERE id = ANY($1::uuid[])`, [pending.map((p) => p.id)]);
    for (const p of pending) expect(await confirmPendingSignup(w.id, p.id)).toMatchObject({ kind: "confirmed" });
    expect(await Promise.all(pending.map(async (p) => (await credit(p.id)).referralCredit))).toEqual(["credited", "held"]);
    expect(await credit(last.id)).toMatchObject({ referralCount: 1 });
    await expectLineMatchesDefinition(w.id, 1);
  });
});
