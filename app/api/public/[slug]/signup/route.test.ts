import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { SIGNUP_MAX_BYTES, REF_CODE_PATTERN } from "@/lib/signups/schemas";
import { createWaitlist, uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { enforceTurnstileAgainstFake, passToken, postSignup, preflightSignup } from "@/tests/support/public-api";

let fake: Awaited<ReturnType<typeof enforceTurnstileAgainstFake>>;
beforeAll(async () => {
  fake = await enforceTurnstileAgainstFake();
});
afterAll(async () => {
  await fake.close();
  await closeDb();
});

const body = (extra: Record<string, unknown> = {}) => ({ email: uniqueEmail(), turnstile: passToken(), ...extra });

function expectError(r: { status: number; json: Record<string, unknown> }, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(r.json).toMatchObject({ ok: false, error: { code } });
  const error = r.json.error as { message: string };
  expect(error.message.length).toBeGreaterThan(10);
}

describe("POST /api/public/:slug/signup: success", () => {
  it("answers the documented shape with position, ref_code and share_path", async () => {
    const w = await createWaitlist();
    const first = await postSignup(w.slug, body({ name: "Alice" }));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ ok: true, position: 1 });
    expect(first.json.ref_code).toMatch(REF_CODE_PATTERN);
    expect(first.json.share_path).toBe(`/w/${w.slug}?ref=${first.json.ref_code}`);
    expect(first.res.headers.get("access-control-allow-origin")).toBe("*");
    const second = await postSignup(w.slug, body());
    expect(second.json.position).toBe(2);
  });

  it("normalises the email and stores optional fields only when the waitlist enables them", async () => {
    const w = await createWaitlist({ fieldName: true, fieldCompany: false, fieldTwitter: true });
    const r = await postSignup(
      w.slug,
      body({ email: "  Alice.Smith@Example.COM ", name: " Alice ", company: "Acme", twitter: "@alice_dev" }),
    );
    expect(r.status).toBe(200);
    const row = await db().signup.findFirstOrThrow({ where: { waitlistId: w.id } });
    expect(row).toMatchObject({ email: "alice.smith@example.com", name: "Alice", company: null, twitter: "alice_dev" });
  });

  it("returns the existing position and code, marked duplicate, for an email already on the list", async () => {
    const w = await createWaitlist();
    const email = uniqueEmail();
    const created = await postSignup(w.slug, body({ email }));
    await postSignup(w.slug, body());
    const again = await postSignup(w.slug, body({ email: email.toUpperCase() }));
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ok: true, duplicate: true, position: 1, ref_code: created.json.ref_code });
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(2);
  });

  it("credits the referrer once per new signup and moves them up by the boost", async () => {
    const w = await createWaitlist({ referralBoost: 2 });
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await postSignup(w.slug, body()));
    const referrer = people[4]!.json; // last, #5
    const friend = await postSignup(w.slug, body({ ref: String(referrer.ref_code).toLowerCase() }));
    expect(friend.json.position).toBe(6);
    const row = await db().signup.findFirstOrThrow({ where: { refCode: String(referrer.ref_code) } });
    expect(row.referralCount).toBe(1);
    // Boost 2 takes #5 exactly two places up: past #4, and past #3, whom it lands level with (ties go to the
    // referred-up person). Checked through the duplicate path, the same lookup the hosted page uses.
    const me = await postSignup(w.slug, body({ email: row.email }));
    expect(me.json.position).toBe(3);
    await postSignup(w.slug, body({ ref: referrer.ref_code }));
    expect((await postSignup(w.slug, body({ email: row.email }))).json.position).toBe(1);
    const friendRow = await db().signup.findFirstOrThrow({ where: { refCode: String(friend.json.ref_code) } });
    expect(friendRow.referredById).toBe(row.id);
  });

  it("ignores unknown, malformed, foreign and duplicate-signup referral codes", async () => {
    const w = await createWaitlist();
    const other = await createWaitlist();
    const foreign = await postSignup(other.slug, body());
    const a = await postSignup(w.slug, body());
    for (const ref of ["ZZZZZZZZ", "not a code", foreign.json.ref_code, 12345]) {
      const r = await postSignup(w.slug, body({ ref }));
      expect(r.status).toBe(200);
    }
    // Signing up again with one's own code is a duplicate and credits nobody.
    const own = await db().signup.findFirstOrThrow({ where: { refCode: String(a.json.ref_code) } });
    await postSignup(w.slug, body({ email: own.email, ref: a.json.ref_code }));
    const rows = await db().signup.findMany({ where: { waitlistId: w.id } });
    expect(rows.every((r) => r.referralCount === 0 && r.referredById === null)).toBe(true);
    const foreignRow = await db().signup.findFirstOrThrow({ where: { refCode: String(foreign.json.ref_code) } });
    expect(foreignRow.referralCount).toBe(0);
  });
});

describe("POST /api/public/:slug/signup: every documented error", () => {
  it("404 for an unknown or malformed slug", async () => {
    expectError(await postSignup(uniqueSlug("missing"), body()), 404, "not_found");
    expectError(await postSignup("Not A Slug!", body()), 404, "not_found");
  });

  it("400 for invalid emails, naming the field", async () => {
    const w = await createWaitlist();
    for (const email of ["", "nope", "a@b", "alice@@example.com", `${"a".repeat(250)}@example.com`, 42, null]) {
      const r = await postSignup(w.slug, body({ email }));
      expectError(r, 400, "invalid_email");
      expect((r.json.error as { field?: string }).field).toBe("email");
    }
    expectError(await postSignup(w.slug, { turnstile: passToken() }), 400, "invalid_email");
  });

  it("400 for bad JSON, non-object JSON and the wrong content type", async () => {
    const w = await createWaitlist();
    expectError(await postSignup(w.slug, "{not json", { headers: { "content-type": "application/json" } }), 400, "bad_json");
    expectError(await postSignup(w.slug, "[1,2]", { headers: { "content-type": "application/json" } }), 400, "bad_json");
    expectError(await postSignup(w.slug, "email=a@b.co", { headers: { "content-type": "application/x-www-form-urlencoded" } }), 400, "invalid_content_type");
  });

  it("400 for a payload over the documented limit, by Content-Length and by actual size", async () => {
    const w = await createWaitlist();
    const big = JSON.stringify(body({ name: "x".repeat(SIGNUP_MAX_BYTES) }));
    expectError(await postSignup(w.slug, big, { headers: { "content-type": "application/json" } }), 400, "payload_too_large");
    // A lying Content-Length does not get a large body through.
    const lying = await postSignup(w.slug, big, {
      headers: { "content-type": "application/json", "content-length": "10" },
    });
    expectError(lying, 400, "payload_too_large");
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(0);
  });

  it("400 when the honeypot field is filled, and nothing is stored", async () => {
    const w = await createWaitlist();
    const r = await postSignup(w.slug, body({ website: "http://spam.example" }));
    expectError(r, 400, "honeypot_triggered");
    expect((r.json.error as { field?: string }).field).toBe("website");
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(0);
  });

  it("400 for an over-long name or a malformed twitter handle", async () => {
    const w = await createWaitlist({ fieldTwitter: true });
    expectError(await postSignup(w.slug, body({ name: "n".repeat(500) })), 400, "invalid_input");
    expectError(await postSignup(w.slug, body({ twitter: "not a handle!" })), 400, "invalid_input");
    // PostgreSQL text cannot hold NUL: a 400 naming the field, not a 500 from the database.
    const nul = await postSignup(w.slug, body({ name: "Ada\u0000" }));
    expectError(nul, 400, "invalid_input");
    expect((nul.json.error as { field?: string }).field).toBe("name");
  });

  it("403 when Turnstile is missing, fails or is reused, and nothing is stored", async () => {
    const w = await createWaitlist();
    expectError(await postSignup(w.slug, { email: uniqueEmail() }), 403, "turnstile_failed");
    expectError(await postSignup(w.slug, body({ turnstile: "fail-token" })), 403, "turnstile_failed");
    const token = passToken();
    expect((await postSignup(w.slug, body({ turnstile: token }))).status).toBe(200);
    expectError(await postSignup(w.slug, body({ turnstile: token })), 403, "turnstile_failed");
    expect(await db().signup.count({ where: { waitlistId: w.id } })).toBe(1);
  });

  it("403 when the captcha was solved for another action or on a site the owner does not allow", async () => {
    const open = await createWaitlist();
    const app = new URL(process.env.APP_URL ?? "http://localhost:3000").hostname;
    expectError(await postSignup(open.slug, body({ turnstile: `${passToken()}~login~${app}` })), 403, "turnstile_failed");
    expectError(await postSignup(open.slug, body({ turnstile: `${passToken()}~hosted~evil.example` })), 403, "turnstile_failed");
    expect((await postSignup(open.slug, body({ turnstile: `${passToken()}~hosted~${app}` }))).status).toBe(200);
    expect((await postSignup(open.slug, body({ turnstile: `${passToken()}~embed~any-site.example` }))).status).toBe(200);

    const strict = await createWaitlist({ allowedHosts: ["acme.example", "*.acme.dev"] });
    const refused = await postSignup(strict.slug, body({ turnstile: `${passToken()}~embed~copycat.example` }));
    expectError(refused, 403, "turnstile_failed");
    expect((refused.json.error as { message: string }).message).toMatch(/isn't allowed on this site/);
    expectError(await postSignup(strict.slug, body({ turnstile: `${passToken()}~~other.example` })), 403, "turnstile_failed");
    for (const site of ["acme.example", "www.acme.dev", app]) {
      expect((await postSignup(strict.slug, body({ turnstile: `${passToken()}~embed~${site}` }))).status, site).toBe(200);
    }
    expect(await db().signup.count({ where: { waitlistId: strict.id } })).toBe(3);
    expect(await db().signup.count({ where: { waitlistId: open.id } })).toBe(2);
  });

  it("403 when the waitlist is full (owner capacity), while duplicates still answer 200", async () => {
    const w = await createWaitlist({ capacity: 2 });
    const email = uniqueEmail();
    await postSignup(w.slug, body({ email }));
    await postSignup(w.slug, body());
    expectError(await postSignup(w.slug, body()), 403, "waitlist_full");
    const dup = await postSignup(w.slug, body({ email }));
    expect(dup.json).toMatchObject({ ok: true, duplicate: true, position: 1 });
  });

  it("403 when a Free waitlist reaches the plan cap, and Pro lifts it", async () => {
    process.env.FREE_SIGNUP_CAP = "2";
    const { resetEnvCache } = await import("@/lib/env");
    resetEnvCache();
    try {
      const free = await createWaitlist();
      const pro = await createWaitlist({ plan: "PRO" });
      for (let i = 0; i < 2; i++) {
        await postSignup(free.slug, body());
        await postSignup(pro.slug, body());
      }
      expectError(await postSignup(free.slug, body()), 403, "waitlist_full");
      expect((await postSignup(pro.slug, body())).json.position).toBe(3);
    } finally {
      delete process.env.FREE_SIGNUP_CAP;
      resetEnvCache();
    }
  });

  it("403 when the owner closed the waitlist", async () => {
    const w = await createWaitlist({ isOpen: false });
    expectError(await postSignup(w.slug, body()), 403, "waitlist_closed");
  });

  it("never leaks internals on a 500", async () => {
    const w = await createWaitlist();
    // A referral code of another type makes nothing fail; a dropped table would, but we simulate a fault by
    // breaking the connection string for one call.
    const { resetEnvCache } = await import("@/lib/env");
    const saved = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = "postgresql://nobody:secret-password@127.0.0.1:1/nowhere";
    resetEnvCache();
    try {
      const { invalidatePublicWaitlist } = await import("@/lib/waitlists/public");
      invalidatePublicWaitlist(w.slug);
      const r = await postSignup(w.slug, body());
      expectError(r, 500, "internal_error");
      expect(JSON.stringify(r.json)).not.toMatch(/secret-password|127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = saved;
      resetEnvCache();
    }
  });
});

describe("CORS", () => {
  it("answers the preflight for any origin without counting it against the limit", async () => {
    const res = preflightSignup();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
  });

  it("puts CORS headers on errors too, so browsers can read them", async () => {
    const r = await postSignup(uniqueSlug("missing"), body());
    expect(r.res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
