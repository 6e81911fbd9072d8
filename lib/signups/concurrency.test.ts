import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { postSignup } from "@/tests/support/public-api";

// Launch-day guarantees, through the real route handler and a real Postgres. Turnstile is off here (its
// fail-closed behaviour has its own tests) so the burst measures only our own code.

beforeAll(() => {
  Object.assign(process.env, { TURNSTILE_MODE: "off", RATE_LIMIT_PER_MINUTE: "100000" });
  resetEnvCache();
});
afterAll(closeDb);

describe("signups under concurrency", () => {
  it("100 concurrent signups with one email make one row and 100 identical answers", async () => {
    const w = await createWaitlist();
    await postSignup(w.slug, { email: uniqueEmail() });
    const email = uniqueEmail();
    const answers = await Promise.all(Array.from({ length: 100 }, () => postSignup(w.slug, { email })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => `${a.json.position}/${a.json.ref_code}`)).size).toBe(1);
    expect(answers[0]!.json.position).toBe(2);
    expect(answers.filter((a) => a.json.duplicate !== true)).toHaveLength(1);
    expect(await db().signup.count({ where: { waitlistId: w.id, email } })).toBe(1);
  });

  it("1,000 concurrent distinct signups get positions 1..1000 with no gap and no repeat", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    const answers = await Promise.all(Array.from({ length: 1000 }, () => postSignup(w.slug, { email: uniqueEmail() })));
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    const positions = answers.map((a) => a.json.position as number).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(new Set(answers.map((a) => a.json.ref_code)).size).toBe(1000);
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(1000);
    const row = await db().waitlist.findUniqueOrThrow({ where: { id: w.id } });
    expect(row).toMatchObject({ nextSeq: 1000, waitingCount: 1000, signupCount: 1000 });
  });

  it("a capacity of N admits exactly N of a larger burst", async () => {
    const w = await createWaitlist({ capacity: 25, plan: "PRO" });
    const answers = await Promise.all(Array.from({ length: 80 }, () => postSignup(w.slug, { email: uniqueEmail() })));
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(25);
    expect(answers.filter((a) => a.status === 403).every((a) => (a.json.error as { code: string }).code === "waitlist_full")).toBe(true);
    expect(ok.map((a) => a.json.position as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(25);
  });
});
