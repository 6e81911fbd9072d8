import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, pool } from "@/lib/db";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { enforceTurnstileAgainstFake, passToken, postSignup } from "@/tests/support/public-api";

// `metadata` and `attribution` on the public signup route (docs/metadata-and-attribution.md): every refusal is a
// 400 invalid_input naming the problem, before the captcha is spent, with nothing stored; valid ones are stored.

let fake: Awaited<ReturnType<typeof enforceTurnstileAgainstFake>>;
beforeAll(async () => {
  fake = await enforceTurnstileAgainstFake();
});
afterAll(async () => {
  await fake.close();
  await closeDb();
});

async function stored(waitlistId: string) {
  const { rows } = await pool().query<{ email: string; metadata: unknown; attribution: unknown }>(
    `SELECT email, metadata, attribution FROM signups WHERE waitlist_id = $1 ORDER BY seq`,
    [waitlistId],
  );
  return rows;
}

const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

describe("metadata refusals: 400 invalid_input naming the problem, nothing stored, captcha not spent", () => {
  const cases: [string, unknown, string, RegExp][] = [
    ["11 keys", keys(11), "metadata", /at most 10 keys/],
    ["a key of 1,025 characters", { ["k".repeat(1025)]: 1 }, `metadata.${"k".repeat(64)}…`, /keys are at most 1024/],
    ["an empty key", { "": "x" }, "metadata", /cannot be empty/],
    ["a value of 1,025 characters", { plan: "v".repeat(1025) }, "metadata.plan", /values are at most 1024/],
    ["a nested object", { plan: { tier: "pro" } }, "metadata.plan", /nested objects and arrays/],
    ["an array value", { tags: ["a", "b"] }, "metadata.tags", /nested objects and arrays/],
    ["an array as metadata", ["a"], "metadata", /must be an object/],
    ["a string as metadata", "plan=pro", "metadata", /must be an object/],
    ["a number as metadata", 42, "metadata", /must be an object/],
    ["a boolean as metadata", true, "metadata", /must be an object/],
    ["a NUL in a value", { plan: "a\u0000b" }, "metadata.plan", /NUL/],
    ["a lone surrogate in a value", { plan: "a\uD800b" }, "metadata.plan", /valid Unicode/],
  ];
  for (const [name, metadata, field, message] of cases) {
    it(`refuses ${name}`, async () => {
      const w = await createWaitlist();
      const token = passToken();
      const r = await postSignup(w.slug, { email: uniqueEmail(), turnstile: token, metadata });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ ok: false, error: { code: "invalid_input", field } });
      expect((r.json.error as { message: string }).message).toMatch(message);
      expect(await stored(w.id)).toEqual([]);
      expect(fake.requests.some((q) => q.response === token)).toBe(false);
    });
  }

  it("accepts exactly 10 keys, keys and values of 1,024 characters, and every allowed type", async () => {
    const w = await createWaitlist();
    const metadata = {
      ...keys(6),
      ["k".repeat(1024)]: "v".repeat(1024),
      yes: true,
      none: null,
      price: -12.5,
    };
    const r = await postSignup(w.slug, { email: uniqueEmail(), turnstile: passToken(), metadata });
    expect(r.status).toBe(200);
    expect((await stored(w.id))[0]?.metadata).toEqual(metadata);
  });
});

describe("attribution", () => {
  it("stores utm_*, the referring site's host only, and the referral code the signup used", async () => {
    const w = await createWaitlist();
    const first = await postSignup(w.slug, { email: uniqueEmail(), turnstile: passToken() });
    const r = await postSignup(w.slug, {
      email: uniqueEmail(),
      turnstile: passToken(),
      ref: String(first.json.ref_code).toLowerCase(),
      metadata: { plan: "pro", seats: 3 },
      attribution: {
        utm_source: " hn ",
        utm_medium: "social\u202E\u0007",
        utm_campaign: "launch",
        utm_term: "",
        utm_content: null,
        referrer: "https://www.News.YCombinator.com/item?id=1&secret=x",
      },
    });
    expect(r.status).toBe(200);
    const rows = await stored(w.id);
    expect(rows[0]?.attribution).toBeNull();
    expect(rows[1]).toMatchObject({
      metadata: { plan: "pro", seats: 3 },
      attribution: {
        utm_source: "hn",
        utm_medium: "social",
        utm_campaign: "launch",
        referrer: "news.ycombinator.com",
        ref: first.json.ref_code,
      },
    });
    expect(Object.keys(rows[1]?.attribution as object)).not.toContain("utm_term");
  });

  const refusals: [string, unknown, string][] = [
    ["a string", "hn", "attribution"],
    ["an unknown key", { utm_source: "hn", ref: "ABCDEFGH" }, "attribution"],
    ["a number", { utm_source: 5 }, "attribution.utm_source"],
    ["a value over 200 characters", { utm_campaign: "c".repeat(201) }, "attribution.utm_campaign"],
    ["a referrer that is no site", { referrer: "not a site!" }, "attribution.referrer"],
  ];
  for (const [name, attribution, field] of refusals) {
    it(`refuses ${name} with 400 naming ${field}`, async () => {
      const w = await createWaitlist();
      const r = await postSignup(w.slug, { email: uniqueEmail(), turnstile: passToken(), attribution });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ ok: false, error: { code: "invalid_input", field } });
      expect(await stored(w.id)).toEqual([]);
    });
  }

  it("keeps the first signup's data for a duplicate", async () => {
    const w = await createWaitlist();
    const email = uniqueEmail();
    await postSignup(w.slug, { email, turnstile: passToken(), metadata: { n: 1 }, attribution: { utm_source: "a" } });
    const again = await postSignup(w.slug, { email, turnstile: passToken(), metadata: { n: 2 }, attribution: { utm_source: "b" } });
    expect(again.json).toMatchObject({ ok: true, duplicate: true });
    expect(await stored(w.id)).toMatchObject([{ metadata: { n: 1 }, attribution: { utm_source: "a" } }]);
  });
});
