import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getFields } from "@/app/api/public/[slug]/fields/route";
import { closeDb, db, pool } from "@/lib/db";
import { readFieldDefinitions } from "@/lib/fields/schemas";
import { SAMPLE_FIELDS } from "@/tests/support/custom-fields";
import { createWaitlist, params, routeRequest, uniqueEmail } from "@/tests/support/fixtures";
import { enforceTurnstileAgainstFake, passToken, postSignup } from "@/tests/support/public-api";

// Custom-field answers through the real public signup route: every refusal is 400 invalid_input naming
// answers.<id>, stores nothing and spends no captcha; accepted answers are stored cleaned, keyed by id.

let fake: Awaited<ReturnType<typeof enforceTurnstileAgainstFake>>;
let list: { id: string; slug: string };
beforeAll(async () => {
  fake = await enforceTurnstileAgainstFake();
  list = await createWaitlist({ customFields: readFieldDefinitions(SAMPLE_FIELDS) });
});
afterAll(async () => {
  await fake.close();
  await closeDb();
});

const valid = { role: "myself", terms: true };
const body = (answers: unknown) => ({ email: uniqueEmail(), turnstile: passToken(), answers });

async function expectRefused(answers: unknown, field: string, messagePart: string) {
  const before = await db().signup.count({ where: { waitlistId: list.id } });
  const verified = fake.requests.length;
  const r = await postSignup(list.slug, body(answers));
  expect(r.status).toBe(400);
  expect(r.json).toEqual({ ok: false, error: { code: "invalid_input", message: expect.stringContaining(messagePart), field } });
  expect(await db().signup.count({ where: { waitlistId: list.id } })).toBe(before);
  expect(fake.requests.length).toBe(verified);
}

describe("signup answers: refusals (400 invalid_input)", () => {
  it("a missing required answer", async () => {
    await expectRefused({ terms: true }, "answers.role", "I'm signing up as");
    await expectRefused(undefined, "answers.role", "needs an answer");
    await expectRefused({ role: "myself", terms: false }, "answers.terms", "I accept the terms");
  });
  it("a missing conditionally required answer", async () => {
    await expectRefused({ role: "a team", terms: true }, "answers.company_size", '"Company size" needs an answer');
  });
  it("a wrong type", async () => {
    await expectRefused({ ...valid, seats: "12" }, "answers.seats", '"Seats" must be a number');
    await expectRefused({ ...valid, plans: "Pro" }, "answers.plans", "list of its options");
    await expectRefused({ ...valid, terms: "yes" }, "answers.terms", "true or false");
    await expectRefused("role=myself", "answers", "object");
  });
  it("a value out of bounds", async () => {
    await expectRefused({ role: "a team", company_size: "x", terms: true }, "answers.company_size", "at least 2 characters");
    await expectRefused({ role: "a team", company_size: "x".repeat(21), terms: true }, "answers.company_size", "at most 20");
    await expectRefused({ ...valid, seats: 501 }, "answers.seats", "at most 500");
    await expectRefused({ ...valid, site: "ftp://files.example" }, "answers.site", "web address");
  });
  it("a lone UTF-16 surrogate, which jsonb would refuse for the whole batch (a 500 for everyone in it)", async () => {
    await expectRefused({ role: "a team", company_size: "ab\ud800", terms: true }, "answers.company_size", "broken character");
    await expectRefused({ ...valid, site: "https://x.example/\udc00" }, "answers.site", "broken character");
    // The contract's own text fields too (lib/storable-text.ts).
    const before = await db().signup.count({ where: { waitlistId: list.id } });
    const r = await postSignup(list.slug, { ...body(valid), name: "Ann \ud83d" });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ ok: false, error: { code: "invalid_input", field: "name" } });
    expect(await db().signup.count({ where: { waitlistId: list.id } })).toBe(before);
  });
  it("an unknown choice", async () => {
    await expectRefused({ ...valid, role: "a robot" }, "answers.role", 'no option "a robot"');
    await expectRefused({ ...valid, plans: ["Gold"] }, "answers.plans", 'no option "Gold"');
  });
  it("an unknown key (refused, not dropped)", async () => {
    await expectRefused({ ...valid, colour: "blue" }, "answers.colour", 'no question "colour"');
  });
  it("any answers on a list without questions", async () => {
    const plain = await createWaitlist();
    const r = await postSignup(plain.slug, body({ role: "myself" }));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { code: "invalid_input", field: "answers.role" } });
    expect((await postSignup(plain.slug, body({}))).status).toBe(200);
  });
});

describe("signup answers: storage", () => {
  it("stores the cleaned answers by question id, dropping an unasked conditional one", async () => {
    const email = uniqueEmail();
    const r = await postSignup(list.slug, {
      email, turnstile: passToken(),
      answers: { role: "myself", company_size: "11-50", site: " https://acme.example ", seats: 3, plans: ["Pro", "Free"], terms: true },
    });
    expect(r.status).toBe(200);
    const { rows } = await pool().query<{ answers: unknown }>(`SELECT answers FROM signups WHERE waitlist_id = $1 AND email = $2`, [list.id, email]);
    expect(rows[0]?.answers).toEqual({ role: "myself", site: "https://acme.example", seats: 3, plans: ["Free", "Pro"], terms: true });
  });
  it("stores a conditional answer when it is asked", async () => {
    const email = uniqueEmail();
    const answers = { role: "a team", company_size: "11-50", terms: true };
    expect((await postSignup(list.slug, { email, turnstile: passToken(), answers })).status).toBe(200);
    const { rows } = await pool().query<{ answers: unknown }>(`SELECT answers FROM signups WHERE waitlist_id = $1 AND email = $2`, [list.id, email]);
    expect(rows[0]?.answers).toEqual(answers);
  });
  it("stores null when no question was answered", async () => {
    const plain = await createWaitlist();
    const email = uniqueEmail();
    expect((await postSignup(plain.slug, { email, turnstile: passToken() })).status).toBe(200);
    const { rows } = await pool().query<{ answers: unknown }>(`SELECT answers FROM signups WHERE waitlist_id = $1`, [plain.id]);
    expect(rows[0]?.answers).toBeNull();
  });
});

describe("GET /api/public/:slug/fields", () => {
  it("publishes the active questions, cached and open to any origin", async () => {
    const archived = await createWaitlist({
      customFields: readFieldDefinitions([...SAMPLE_FIELDS, { id: "old", type: "short_text", label: "Old", archived: true }]),
    });
    const res = await getFields(routeRequest(`/api/public/${archived.slug}/fields`, undefined), params({ slug: archived.slug }));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toContain("s-maxage=60");
    const json = (await res.json()) as { fields: { id: string; archived?: boolean }[] };
    expect(json.fields.map((f) => f.id)).toEqual(SAMPLE_FIELDS.map((f) => f.id));
    expect(json.fields[0]).not.toHaveProperty("archived");
    expect(json.fields[1]).toMatchObject({ requirement: { required_when: { field: "role", equals: "a team" } } });
  });
  it("answers 404 for an unknown slug", async () => {
    const res = await getFields(routeRequest(`/api/public/no-such-list/fields`, undefined), params({ slug: "no-such-list" }));
    expect(res.status).toBe(404);
  });
});
