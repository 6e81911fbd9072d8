import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { setSignupStatus } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { getRefPosition, getSignupStatus, isStatusTokenShape } from "@/lib/signups/status";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { availabilityOf, getAvailability } from "@/lib/waitlists/availability";

// The private status link against a real Postgres: live positions, referral counts, and no answer for
// anything but the exact token on its own waitlist.

beforeAll(() => {
  Object.assign(process.env, { TURNSTILE_MODE: "off", FREE_SIGNUP_CAP: "1000" });
  resetEnvCache();
});
afterAll(closeDb);

async function join(waitlistId: string, ref?: string) {
  const result = await createSignup({ waitlistId, email: uniqueEmail(), ref });
  if (result.kind !== "created") throw new Error(`expected a new signup, got ${result.kind}`);
  return result;
}

describe("getSignupStatus", () => {
  it("shows the live position and referral count, and moves up as friends join", async () => {
    // A boost of 2 moves the referrer past two people: level with Alice (seq 1), the referred-up person goes first.
    const w = await createWaitlist({ referralBoost: 2 });
    await join(w.id);
    await join(w.id);
    const carol = await join(w.id);

    const before = await getSignupStatus(w.slug, carol.statusToken);
    expect(before).toMatchObject({
      slug: w.slug,
      refCode: carol.refCode,
      sharePath: `/w/${w.slug}?ref=${carol.refCode}`,
      referralCount: 0,
      status: "waiting",
      position: 3,
      waiting: 3,
    });

    await join(w.id, carol.refCode);
    const after = await getSignupStatus(w.slug, carol.statusToken);
    expect(after).toMatchObject({ referralCount: 1, position: 1, waiting: 4 });
    expect(await getRefPosition(w.id, carol.refCode)).toBe(1);
  });

  it("answers null for unknown, malformed and other-waitlist tokens", async () => {
    const w = await createWaitlist();
    const other = await createWaitlist();
    const me = await join(w.id);

    expect(await getSignupStatus(other.slug, me.statusToken)).toBeNull();
    expect(await getSignupStatus(w.slug, "A".repeat(32))).toBeNull();
    expect(await getSignupStatus(w.slug, me.refCode)).toBeNull();
    expect(await getSignupStatus(w.slug, `${me.statusToken}x`)).toBeNull();
    expect(await getSignupStatus(w.slug, "")).toBeNull();
  });

  it("never stores the token itself", async () => {
    const w = await createWaitlist();
    const me = await join(w.id);
    const row = await db().signup.findUniqueOrThrow({ where: { id: me.id } });
    expect(row.statusTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.statusTokenHash).not.toContain(me.statusToken);
    expect(isStatusTokenShape(me.statusToken)).toBe(true);
  });

  it("shows an invited person without a place in line", async () => {
    const w = await createWaitlist();
    const first = await join(w.id);
    const second = await join(w.id);
    await setSignupStatus(w.id, first.id, "INVITED");

    expect(await getSignupStatus(w.slug, first.statusToken)).toMatchObject({ status: "invited", position: null });
    expect(await getSignupStatus(w.slug, second.statusToken)).toMatchObject({ status: "waiting", position: 1, waiting: 1 });
    expect(await getRefPosition(w.id, first.refCode)).toBeNull();
    expect(await getRefPosition(w.id, "ZZZZZZZZ")).toBeNull();
  });
});

describe("availability", () => {
  it("is full at the owner's capacity and at the free plan's cap, and closed when the owner closed it", async () => {
    expect(availabilityOf({ isOpen: true, signupCount: 5, capacity: 5, plan: "PRO" }).state).toBe("full");
    expect(availabilityOf({ isOpen: true, signupCount: 4, capacity: 5, plan: "PRO" }).state).toBe("open");
    expect(availabilityOf({ isOpen: true, signupCount: 1000, capacity: null, plan: "FREE" })).toEqual({
      state: "full",
      signupCount: 1000,
      cap: 1000,
    });
    expect(availabilityOf({ isOpen: true, signupCount: 5000, capacity: null, plan: "PRO" }).cap).toBeNull();
    expect(availabilityOf({ isOpen: false, signupCount: 0, capacity: null, plan: "PRO" }).state).toBe("closed");
  });

  it("reads the live counters, not a cached copy", async () => {
    const w = await createWaitlist({ capacity: 2, plan: "PRO" });
    expect(await getAvailability(w.id)).toMatchObject({ state: "open", signupCount: 0 });
    await join(w.id);
    await join(w.id);
    expect(await getAvailability(w.id)).toMatchObject({ state: "full", signupCount: 2, cap: 2 });
    expect(await getAvailability("no-such-waitlist")).toBeNull();
  });
});
