import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { DELETE, GET, PUT } from "@/app/api/v1/features/[featureKey]/members/[externalUserId]/route";
import { GET as listFeatures } from "@/app/api/v1/members/[externalUserId]/features/route";
import { GET as exportCsv } from "@/app/api/waitlists/[id]/export.csv/route";
import { GET as getKeys, PUT as putKeys } from "@/app/api/waitlists/[id]/features/route";
import { closeDb, db, pool } from "@/lib/db";
import { env } from "@/lib/env";
import { joinMember } from "@/lib/features/members";
import { featurePaths, featureSchemas } from "@/lib/features/openapi";
import { stopJobs } from "@/lib/jobs/boss";
import { quoteIdent } from "@/lib/jobs/ident";
import { inviteSignups, setSignupStatus } from "@/lib/signups/line";
import { listSignups } from "@/lib/signups/queries";
import { createSignup } from "@/lib/signups/mutations";
import { listSignupsQuerySchema } from "@/lib/signups/schemas";
import { callWithKey, createApiKey, type ApiAnswer } from "@/tests/support/feature-api";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

// Feature waitlists end to end through the real route handlers and the test database: owner keys, the product
// API's idempotency and races, scopes, problem+json refusals, listing, and members as ordinary signups
// (positions, invitations, CSV, the dashboard's list). Every answer is checked against lib/features/openapi.ts.

afterAll(async () => {
  await stopJobs();
  await closeDb();
});

const MEMBER = "/api/v1/features/{featureKey}/members/{externalUserId}";
const LISTING = "/api/v1/members/{externalUserId}/features";
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

/** The answer matches what the OpenAPI fragment documents for this path, method and status. */
function expectDocumented(path: keyof typeof featurePaths, method: string, r: ApiAnswer) {
  const op = (featurePaths[path] as unknown as Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>)[method];
  const response = op?.responses[String(r.status)];
  expect(response, `${method} ${path} documents ${r.status}`).toBeDefined();
  const [type, media] = Object.entries(response!.content)[0]!;
  expect(r.type).toBe(type);
  const validate = ajv.compile({ ...media.schema, components: { schemas: featureSchemas } });
  validate(r.json);
  expect(validate.errors ?? [], JSON.stringify(r.json)).toEqual([]);
}

async function world(keys = ["ai-search"]) {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id });
  const set = await callOwner(putKeys, { id: waitlist.id }, { method: "PUT", cookie: owner.cookie, body: { keys } });
  expect(set.status).toBe(200);
  return { owner, waitlist, write: await createApiKey(owner.id, "write"), read: await createApiKey(owner.id, "read") };
}

type Init = Parameters<typeof callWithKey>[2];
const member = (featureKey: string, externalUserId: string) => ({ featureKey, externalUserId });
const memberPath = (featureKey: string, externalUserId: string) =>
  `/api/v1/features/${encodeURIComponent(featureKey)}/members/${encodeURIComponent(externalUserId)}`;
async function put(key: string, feature: string, user: string, body?: unknown, init: Init = {}) {
  const r = await callWithKey(PUT, member(feature, user), { method: "PUT", key, body, path: memberPath(feature, user), ...init });
  expectDocumented(MEMBER, "put", r);
  return r;
}
async function get(key: string | null, feature: string, user: string, init: Init = {}) {
  const r = await callWithKey(GET, member(feature, user), { key, ...init });
  expectDocumented(MEMBER, "get", r);
  return r;
}
async function del(key: string, feature: string, user: string) {
  const r = await callWithKey(DELETE, member(feature, user), { method: "DELETE", key, path: memberPath(feature, user) });
  expectDocumented(MEMBER, "delete", r);
  return r;
}
const rowsOf = (waitlistId: string) =>
  db().signup.findMany({ where: { waitlistId }, orderBy: { seq: "asc" }, select: { id: true, email: true, externalId: true, status: true } });
const problem = (status: number, code: string) => ({ type: "about:blank", title: expect.any(String), status, detail: expect.any(String), code });

describe("feature keys (owner API)", () => {
  it("are set as a whole, normalised, unique per owner; another owner may use the same key", async () => {
    const { owner, waitlist } = await world(["ai-search"]);
    const again = await callOwner(putKeys, { id: waitlist.id }, { method: "PUT", cookie: owner.cookie, body: { keys: [" Beta ", "ai-search", "beta"] } });
    expect(again.json).toEqual({ ok: true, features: { keys: ["ai-search", "beta"] } });
    expect((await callOwner(getKeys, { id: waitlist.id }, { cookie: owner.cookie })).json).toEqual({ ok: true, features: { keys: ["ai-search", "beta"] } });

    const second = await createWaitlist({ ownerId: owner.id, title: "Second list" });
    const taken = await callOwner(putKeys, { id: second.id }, { method: "PUT", cookie: owner.cookie, body: { keys: ["new-thing", "beta"] } });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ ok: false, error: { code: "conflict", field: "keys" } });
    expect((await callOwner(getKeys, { id: second.id }, { cookie: owner.cookie })).json).toEqual({ ok: true, features: { keys: [] } });

    const bad = await callOwner(putKeys, { id: second.id }, { method: "PUT", cookie: owner.cookie, body: { keys: ["Not a slug!"] } });
    expect(bad.json).toMatchObject({ ok: false, error: { code: "invalid_input", field: "keys.0" } });

    const other = await world(["beta"]);
    expect((await callOwner(getKeys, { id: other.waitlist.id }, { cookie: other.owner.cookie })).json).toEqual({ ok: true, features: { keys: ["beta"] } });
  });
});

describe("PUT/GET/DELETE /api/v1/features/:key/members/:user", () => {
  it("is idempotent: PUT twice is one member, DELETE twice answers signed_up false", async () => {
    const { waitlist, write } = await world();
    const email = uniqueEmail("member");
    const first = await put(write, "ai-search", "user_1", { email: email.toUpperCase(), name: "Ada" });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      data: {
        feature_key: "ai-search",
        signed_up: true,
        waitlist_id: waitlist.id,
        status: "waiting",
        position: 1,
        ref_code: expect.any(String),
        links: { self: "http://localhost:3000/api/v1/features/ai-search/members/user_1" },
      },
    });
    const second = await put(write, "ai-search", "user_1", { email: uniqueEmail("changed") });
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect((await put(write, "ai-search", "user_1")).json).toEqual(first.json); // no body needed any more
    expect(await rowsOf(waitlist.id)).toEqual([{ id: expect.any(String), email, externalId: "user_1", status: "WAITING" }]);
    expect((await get(write, "ai-search", "user_1")).json).toEqual(first.json);

    const signedOut = { data: { feature_key: "ai-search", signed_up: false, waitlist_id: waitlist.id, links: { self: expect.any(String) } } };
    for (let i = 0; i < 2; i++) {
      const left = await del(write, "ai-search", "user_1");
      expect(left.status).toBe(200);
      expect(left.json).toEqual(signedOut);
    }
    expect((await get(write, "ai-search", "user_1")).json).toEqual(signedOut);
    expect(await rowsOf(waitlist.id)).toEqual([]);
    await expectLineMatchesDefinition(waitlist.id, 1);

    // Each change by the key is in the team's audit log (the first PUT and both DELETEs; reads are not).
    const audit = await pool().query<{ action: string; actor_kind: string; target: string }>(
      `SELECT action, actor_kind, target FROM audit_log WHERE team_id = $1 AND action LIKE '% /api/v1/%' ORDER BY id`,
      [waitlist.teamId],
    );
    expect(audit.rows.filter((r) => r.action.startsWith("PUT ")).length).toBe(3);
    expect(audit.rows.filter((r) => r.action.startsWith("DELETE ")).length).toBe(2);
    expect(audit.rows.map((r) => [r.actor_kind, r.target])).toEqual(audit.rows.map(() => ["key", "user_1"]));
    expect(audit.rows[0]?.action).toBe("PUT /api/v1/features/:featureKey/members/:externalUserId");

    // Leaving erased them: joining again starts afresh.
    const back = await put(write, "ai-search", "user_1", { email });
    expect(back.status).toBe(201);
    expect((back.json?.data as { ref_code: string }).ref_code).not.toBe((first.json?.data as { ref_code: string }).ref_code);
  });

  it("turns 10 parallel PUTs of one user into one member, each answered with it", async () => {
    const { waitlist, write } = await world();
    const email = uniqueEmail("race");
    const answers = await Promise.all(Array.from({ length: 10 }, () => put(write, "ai-search", "racer", { email })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    expect(await rowsOf(waitlist.id)).toHaveLength(1);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });

  it("makes one member of parallel PUTs of one user with different emails, in this process and from another", async () => {
    const { waitlist, write } = await world();
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => put(write, "ai-search", "twin", { email: uniqueEmail(`twin${i}`) })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);

    // Another process stands in as a direct createSignup with the same user id (it joins the same group-commit
    // batch, which then fails whole on the user id's index): one row for the user, and the people who only
    // shared the batch (a form signup, another user's join) still get in.
    // Each waits one round trip first, as joinMember's own look-up does, so the four often share a batch (the
    // outcome asserted is the same whichever way the timing falls).
    const feature = { key: "ai-search", waitlistId: waitlist.id };
    const afterLookup = <T,>(fn: () => Promise<T>) => pool().query("SELECT 1 FROM signups WHERE waitlist_id = $1 LIMIT 1", [waitlist.id]).then(fn);
    const [direct, viaApi, bystander, otherUser] = await Promise.allSettled([
      afterLookup(() => createSignup({ waitlistId: waitlist.id, email: uniqueEmail("proc2"), externalId: "raced" })),
      joinMember(feature, "raced", { email: uniqueEmail("proc1") }),
      afterLookup(() => createSignup({ waitlistId: waitlist.id, email: uniqueEmail("bystander") })),
      joinMember(feature, "other-user", { email: uniqueEmail("other") }),
    ]);
    if (direct.status === "rejected") expect(direct.reason).toMatchObject({ code: "23505", constraint: "signups_waitlist_id_external_id_key" });
    expect(viaApi).toMatchObject({ status: "fulfilled", value: { member: { signed_up: true } } });
    expect(bystander).toMatchObject({ status: "fulfilled", value: { kind: "created" } });
    expect(otherUser).toMatchObject({ status: "fulfilled", value: { created: true } });
    const rows = await rowsOf(waitlist.id);
    expect(rows.filter((r) => r.externalId === "raced")).toHaveLength(1);
    expect(rows).toHaveLength(4);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });

  it("links the external id to a person who signed up with that email instead of adding a second row", async () => {
    const { waitlist, write } = await world();
    const email = uniqueEmail("form");
    const viaForm = await createSignup({ waitlistId: waitlist.id, email });
    if (viaForm.kind !== "created") throw new Error(viaForm.kind);
    // Another spelling of the same mailbox (case, a +tag): one mailbox, one place.
    const linked = await put(write, "ai-search", "u-42", { email: ` ${email.toUpperCase().replace("@", "+APP@")} ` });
    expect(linked.status).toBe(201);
    expect(linked.json?.data).toMatchObject({ signed_up: true, ref_code: viaForm.refCode, position: 1 });
    expect(await rowsOf(waitlist.id)).toEqual([{ id: viaForm.id, email, externalId: "u-42", status: "WAITING" }]);

    // The same email for another user id is someone else's membership: refused, nothing changes.
    const clash = await put(write, "ai-search", "u-43", { email });
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject(problem(409, "conflict"));
    expect(await rowsOf(waitlist.id)).toHaveLength(1);
  });

  it("gives members places, referral codes and invitations like everyone else", async () => {
    const { owner, waitlist, write } = await world();
    const early = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail("early") });
    if (early.kind !== "created") throw new Error(early.kind);
    const a = await put(write, "ai-search", "a", { email: uniqueEmail("a") });
    const b = await put(write, "ai-search", "b", { email: uniqueEmail("b"), name: "Bea" });
    expect([a.json?.data, b.json?.data]).toMatchObject([{ position: 2 }, { position: 3 }]);
    const welcome = await pool().query(`SELECT 1 FROM ${quoteIdent(env().JOB_SCHEMA)}.job WHERE name = 'signup-welcome' AND data->>'signupId' IN (SELECT id::text FROM signups WHERE waitlist_id = $1 AND external_id IS NOT NULL)`, [waitlist.id]);
    expect(welcome.rowCount).toBe(2);

    expect(await inviteSignups(waitlist.id, { top: 2 })).toHaveLength(2);
    expect((await get(write, "ai-search", "a")).json?.data).toMatchObject({ signed_up: true, status: "invited", position: null });
    expect((await get(write, "ai-search", "b")).json?.data).toMatchObject({ signed_up: true, status: "waiting", position: 1 });
    await expectLineMatchesDefinition(waitlist.id, 1);

    const page = await listSignups(waitlist.id, listSignupsQuerySchema.parse({ q: "b" }));
    expect(page.signups.map((s) => s.external_id)).toContain("b");
    const res = await exportCsv(new Request(`http://localhost:3000/api/waitlists/${waitlist.id}/export.csv`, { headers: { cookie: owner.cookie } }), {
      params: Promise.resolve({ id: waitlist.id }),
    });
    const csv = (parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[]).map((r) => [r.position, r.external_id]);
    expect(csv).toEqual([["1", "b"], ["", ""], ["", "a"]]); // waiting first, then the invited by join order
  });

  it("respects the owner: a removed member is not signed up and cannot re-join; closed and full lists refuse", async () => {
    const { waitlist, write } = await world();
    await put(write, "ai-search", "gone", { email: uniqueEmail("gone") });
    const [row] = await rowsOf(waitlist.id);
    expect(await setSignupStatus(waitlist.id, row!.id, "REMOVED")).toBe(true);
    expect((await get(write, "ai-search", "gone")).json?.data).toMatchObject({ signed_up: false });
    const rejoin = await put(write, "ai-search", "gone", { email: uniqueEmail("x") });
    expect(rejoin.json).toEqual(problem(409, "conflict"));
    expect((await del(write, "ai-search", "gone")).json?.data).toMatchObject({ signed_up: false });
    expect(await rowsOf(waitlist.id)).toEqual([]);

    // Empty PUT bodies (no body, or Content-Length: 0 with a JSON type) are "no fields": the email is missing.
    const bare = await put(write, "ai-search", "bare", undefined, { headers: { "content-type": "application/json", "content-length": "0" } });
    expect(bare.json).toMatchObject({ code: "invalid_input", invalid_params: [{ path: "email" }] });

    await db().waitlist.update({ where: { id: waitlist.id }, data: { isOpen: false } });
    expect((await put(write, "ai-search", "late", { email: uniqueEmail("late") })).json).toEqual(problem(403, "waitlist_closed"));
    await db().waitlist.update({ where: { id: waitlist.id }, data: { isOpen: true, capacity: 0 } });
    expect((await put(write, "ai-search", "late", { email: uniqueEmail("late") })).json).toEqual(problem(403, "waitlist_full"));
  });

  it("starts members of a double opt-in list as pending, with the confirmation email instead of the welcome", async () => {
    const { waitlist, write } = await world();
    await db().waitlist.update({ where: { id: waitlist.id }, data: { doubleOptIn: true } });
    const joined = await put(write, "ai-search", "careful", { email: uniqueEmail("careful") });
    expect(joined.json?.data).toMatchObject({ signed_up: true, status: "pending", position: null });
    const { rows } = await pool().query<{ name: string }>(
      `SELECT j.name FROM ${quoteIdent(env().JOB_SCHEMA)}.job j JOIN signups s ON j.data->>'signupId' = s.id::text
        WHERE s.waitlist_id = $1 AND s.external_id = 'careful'`,
      [waitlist.id],
    );
    expect(rows.map((r) => r.name)).toEqual(["signup-confirm"]);
  });
});

describe("emails a product can cause", () => {
  it("caps a join/leave loop on one inbox: the 4th new membership in a day is 429 too_many_emails, nothing stored", async () => {
    const { waitlist, write } = await world();
    const email = uniqueEmail("loop");
    for (let i = 0; i < 3; i++) {
      expect((await put(write, "ai-search", "looper", { email })).status).toBe(201);
      expect((await del(write, "ai-search", "looper")).status).toBe(200);
    }
    const fourth = await put(write, "ai-search", "looper", { email });
    expect(fourth.status).toBe(429);
    expect(fourth.json).toMatchObject(problem(429, "too_many_emails"));
    expect(await rowsOf(waitlist.id)).toHaveLength(0);
  });
});

describe("the product API's gate and refusals (RFC 9457 problem+json)", () => {
  it("401s without a valid key, 403s a read-only key's writes, 404s unknown and other owners' features", async () => {
    const { owner, waitlist, write, read } = await world();
    const revoked = await createApiKey(owner.id, "write", true);
    const stranger = await world(["other-feature"]);

    const none = await get(null, "ai-search", "u");
    expect(none.json).toEqual(problem(401, "unauthorized"));
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="WaitForge"');
    for (const key of [revoked, "wf_live_" + "x".repeat(32), "not-a-key"]) {
      const r = await get(key, "ai-search", "u");
      expect(r.json).toEqual(problem(401, "unauthorized"));
      expect(r.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
    // A dashboard session opens nothing here: the product API takes keys only.
    expect((await get(null, "ai-search", "u", { headers: { cookie: owner.cookie } })).json).toEqual(problem(401, "unauthorized"));

    expect((await get(read, "ai-search", "u")).status).toBe(200);
    expect((await put(read, "ai-search", "u", { email: uniqueEmail() })).json).toEqual(problem(403, "forbidden"));
    expect((await del(read, "ai-search", "u")).json).toEqual(problem(403, "forbidden"));

    expect((await get(write, "no-such-feature", "u")).json).toEqual(problem(404, "not_found"));
    expect((await get(write, "NOT_A_KEY", "u")).json).toEqual(problem(404, "not_found"));
    expect((await put(stranger.write, "ai-search", "u", { email: uniqueEmail() })).json).toEqual(problem(404, "not_found"));
    expect((await get(write, "other-feature", "u")).json).toEqual(problem(404, "not_found"));
    expect(await rowsOf(waitlist.id)).toEqual([]);
  });

  it("names the bad field: the user id in the path, a missing or invalid email in the body", async () => {
    const { waitlist, write } = await world();
    const longId = await get(write, "ai-search", "x".repeat(129));
    expect(longId.json).toEqual({ ...problem(400, "invalid_input"), invalid_params: [{ in: "path", path: "external_user_id", type: "invalid_input" }] });
    expect((await get(write, "ai-search", "with space")).status).toBe(400);

    const noEmail = await put(write, "ai-search", "u");
    expect(noEmail.json).toEqual({ ...problem(400, "invalid_input"), invalid_params: [{ in: "body", path: "email", type: "invalid_input" }] });
    expect((await put(write, "ai-search", "u", { email: "nope" })).json).toMatchObject({ code: "invalid_email", invalid_params: [{ path: "email" }] });
    expect((await put(write, "ai-search", "u", { email: uniqueEmail(), extra: 1 })).json).toMatchObject(problem(400, "invalid_input"));
    expect((await put(write, "ai-search", "u", "[1]")).json).toMatchObject(problem(400, "bad_json"));
    expect(await rowsOf(waitlist.id)).toEqual([]);
  });
});

describe("GET /api/v1/members/:user/features", () => {
  it("lists the user's memberships across the owner's lists, one per key, and nothing of other owners", async () => {
    const { owner, write, read } = await world(["ai-search", "search-v2"]);
    const second = await createWaitlist({ ownerId: owner.id });
    await callOwner(putKeys, { id: second.id }, { method: "PUT", cookie: owner.cookie, body: { keys: ["dark-mode"] } });
    const email = uniqueEmail("multi");
    await put(write, "ai-search", "multi", { email });
    await put(write, "dark-mode", "multi", { email });
    await put(write, "dark-mode", "someone-else", { email: uniqueEmail() });

    const listing = await callWithKey(listFeatures, { externalUserId: "multi" }, { key: read });
    expectDocumented(LISTING, "get", listing);
    expect(listing.json).toMatchObject({
      data: [
        { feature_key: "ai-search", signed_up: true, status: "waiting", position: 1 },
        { feature_key: "dark-mode", waitlist_id: second.id, position: 1 },
        { feature_key: "search-v2", signed_up: true },
      ],
      links: { self: "http://localhost:3000/api/v1/members/multi/features" },
    });

    const stranger = await world();
    const none = await callWithKey(listFeatures, { externalUserId: "multi" }, { key: stranger.read });
    expect(none.json).toEqual({ data: [], links: { self: expect.any(String) } });
    const anonymous = await callWithKey(listFeatures, { externalUserId: "multi" }, {});
    expectDocumented(LISTING, "get", anonymous);
    expect(anonymous.status).toBe(401);
  });
});
