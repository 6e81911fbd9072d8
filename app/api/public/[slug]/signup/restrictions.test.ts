import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getRestrictions, PATCH as patchRestrictions } from "@/app/api/waitlists/[id]/restrictions/route";
import { closeDb, db, pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";
import { enforceTurnstileAgainstFake, passToken, postSignup } from "@/tests/support/public-api";

// Sign-up restrictions through the real public signup route: each rule refuses with its own code and status,
// before the captcha is verified and before anything is stored, and counts the refusal for the owner.

let fake: Awaited<ReturnType<typeof enforceTurnstileAgainstFake>>;
beforeAll(async () => {
  fake = await enforceTurnstileAgainstFake();
});
afterEach(() => {
  delete process.env.COUNTRY_HEADER;
  resetEnvCache();
});
afterAll(async () => {
  await fake.close();
  await closeDb();
});

const body = (extra: Record<string, unknown> = {}) => ({ email: uniqueEmail(), turnstile: passToken(), ...extra });

async function refusals(waitlistId: string) {
  const { rows } = await pool().query<{ rule: string; count: number }>(
    `SELECT rule, count FROM signup_refusals WHERE waitlist_id = $1 ORDER BY rule`,
    [waitlistId],
  );
  return Object.fromEntries(rows.map((r) => [r.rule, r.count]));
}

async function expectRefused(
  waitlist: { id: string; slug: string },
  request: Record<string, unknown>,
  expected: { status: number; code: string; field?: string; rule: string },
  headers?: Record<string, string>,
) {
  const before = (await refusals(waitlist.id))[expected.rule] ?? 0;
  const verifiedBefore = fake.requests.length;
  const r = await postSignup(waitlist.slug, request, { headers });
  expect(r.status).toBe(expected.status);
  expect(r.json).toMatchObject({ ok: false, error: { code: expected.code } });
  const error = r.json.error as { message: string; field?: string };
  expect(error.message.length).toBeGreaterThan(20);
  expect(error.field).toBe(expected.field);
  // Nothing stored, the captcha not spent, the refusal counted once.
  expect(await db().signup.count({ where: { waitlistId: waitlist.id } })).toBe(0);
  expect(fake.requests.length).toBe(verifiedBefore);
  expect((await refusals(waitlist.id))[expected.rule]).toBe(before + 1);
  const row = await db().waitlist.findUniqueOrThrow({ where: { id: waitlist.id } });
  expect(row).toMatchObject({ signupCount: 0, waitingCount: 0, nextSeq: 0 });
}

describe("signup restrictions: refusals", () => {
  it("refuses disposable addresses by default (400 disposable_email)", async () => {
    const w = await createWaitlist();
    await expectRefused(w, body({ email: "farmer@mailinator.com" }), { status: 400, code: "disposable_email", field: "email", rule: "disposable" });
    await expectRefused(w, body({ email: "farmer@Sub.MAILINATOR.com" }), { status: 400, code: "disposable_email", field: "email", rule: "disposable" });
  });

  it("accepts disposable addresses when the owner turns the rule off", async () => {
    const w = await createWaitlist({ blockDisposable: false });
    expect((await postSignup(w.slug, body({ email: "farmer@mailinator.com" }))).status).toBe(200);
  });

  it("refuses blocklisted domains, subdomains and addresses (403 email_blocked)", async () => {
    const w = await createWaitlist({ blocklist: ["spam.example", "*.farm.example", "troll@example.com"] });
    await expectRefused(w, body({ email: "a@SPAM.example" }), { status: 403, code: "email_blocked", field: "email", rule: "blocklist" });
    await expectRefused(w, body({ email: "a@eu.farm.example" }), { status: 403, code: "email_blocked", field: "email", rule: "blocklist" });
    await expectRefused(w, body({ email: "Troll+2@example.com" }), { status: 403, code: "email_blocked", field: "email", rule: "blocklist" });
    expect((await postSignup(w.slug, body({ email: "ann@farm.example" }))).status).toBe(200);
  });

  it("refuses +tags when asked (400 subaddress_not_allowed)", async () => {
    const w = await createWaitlist({ blockSubaddresses: true });
    await expectRefused(w, body({ email: "ann+2@example.com" }), { status: 400, code: "subaddress_not_allowed", field: "email", rule: "subaddress" });
  });

  it("refuses banned keywords in any stored field and names it (400 banned_keyword)", async () => {
    const w = await createWaitlist({ bannedKeywords: ["casino"], fieldName: true, fieldCompany: true });
    await expectRefused(w, body({ name: "Best CASINO" }), { status: 400, code: "banned_keyword", field: "name", rule: "keyword" });
    await expectRefused(w, body({ company: "casinos ltd" }), { status: 400, code: "banned_keyword", field: "company", rule: "keyword" });
    await expectRefused(w, body({ email: "casino@example.com" }), { status: 400, code: "banned_keyword", field: "email", rule: "keyword" });
  });

  it("restricted mode admits only the allowlist (403 email_not_allowed)", async () => {
    const w = await createWaitlist({ signUpRestricted: true, allowlist: ["acme.com", "guest@example.com"] });
    await expectRefused(w, body({ email: "ann@example.com" }), { status: 403, code: "email_not_allowed", field: "email", rule: "allowlist" });
    expect((await postSignup(w.slug, body({ email: "ann@ACME.com" }))).status).toBe(200);
    expect((await postSignup(w.slug, body({ email: "guest@example.com" }))).status).toBe(200);
  });

  it("country rules read the configured trusted header (403 country_not_allowed)", async () => {
    process.env.COUNTRY_HEADER = "CF-IPCountry";
    resetEnvCache();
    const w = await createWaitlist({ countryMode: "block", countryCodes: ["KP"] });
    await expectRefused(w, body(), { status: 403, code: "country_not_allowed", field: undefined, rule: "country" }, { "cf-ipcountry": "kp" });
    expect((await postSignup(w.slug, body(), { headers: { "cf-ipcountry": "DE" } })).status).toBe(200);
  });

  it("ignores country rules and the header when no header is trusted", async () => {
    const w = await createWaitlist({ countryMode: "allow_only", countryCodes: ["DE"] });
    expect((await postSignup(w.slug, body(), { headers: { "cf-ipcountry": "KP" } })).status).toBe(200);
  });

  it("still answers a closed list with waitlist_closed", async () => {
    const w = await createWaitlist({ isOpen: false, blocklist: ["spam.example"] });
    const r = await postSignup(w.slug, body({ email: "a@spam.example" }));
    expect(r.json).toMatchObject({ ok: false, error: { code: "waitlist_closed" } });
  });
});

describe("owner settings reach the signup route at once", () => {
  it("blocks a domain through the owner API, then counts the refusal in GET", async () => {
    const owner = await signedInOwner();
    const w = await createWaitlist({ ownerId: owner.id });
    expect((await postSignup(w.slug, body({ email: "warm@cache.example" }))).status).toBe(200); // the config is cached now
    const patched = await callOwner(patchRestrictions, { id: w.id }, { method: "PATCH", cookie: owner.cookie, body: { blocklist: ["Cache.Example"] } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ ok: true, restrictions: { blocklist: ["cache.example"] } });
    const r = await postSignup(w.slug, body({ email: "again@cache.example" }));
    expect(r.json).toMatchObject({ ok: false, error: { code: "email_blocked" } });
    const got = await callOwner(getRestrictions, { id: w.id }, { cookie: owner.cookie });
    expect(got.json).toMatchObject({ ok: true, restrictions: { refused_last_7_days: { blocklist: 1, disposable: 0 } } });
  });

  it("sign_up_mode closed is the is_open switch, and reopening restricted applies the allowlist", async () => {
    const owner = await signedInOwner();
    const w = await createWaitlist({ ownerId: owner.id, allowlist: ["acme.com"] });
    const call = (b: unknown) => callOwner(patchRestrictions, { id: w.id }, { method: "PATCH", cookie: owner.cookie, body: b });
    expect((await call({ sign_up_mode: "closed" })).json).toMatchObject({ restrictions: { sign_up_mode: "closed" } });
    expect((await db().waitlist.findUniqueOrThrow({ where: { id: w.id } })).isOpen).toBe(false);
    expect((await postSignup(w.slug, body())).json).toMatchObject({ error: { code: "waitlist_closed" } });
    expect((await call({ sign_up_mode: "restricted" })).json).toMatchObject({ restrictions: { sign_up_mode: "restricted" } });
    expect((await db().waitlist.findUniqueOrThrow({ where: { id: w.id } })).isOpen).toBe(true);
    expect((await postSignup(w.slug, body())).json).toMatchObject({ error: { code: "email_not_allowed" } });
    expect((await postSignup(w.slug, body({ email: "ann@acme.com" }))).status).toBe(200);
  });
});
