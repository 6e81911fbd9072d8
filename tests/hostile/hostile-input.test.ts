import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signupPOST } from "@/app/api/public/[slug]/signup/route";
import { GET as configGET } from "@/app/api/public/[slug]/config/route";
import * as collection from "@/app/api/waitlists/route";
import * as item from "@/app/api/waitlists/[id]/route";
import * as signups from "@/app/api/waitlists/[id]/signups/route";
import * as signup from "@/app/api/waitlists/[id]/signups/[signupId]/route";
import * as stats from "@/app/api/waitlists/[id]/stats/route";
import * as exportCsv from "@/app/api/waitlists/[id]/export.csv/route";
import * as importCsv from "@/app/api/waitlists/[id]/import/route";
import * as upgrade from "@/app/api/waitlists/[id]/upgrade/route";
import * as portal from "@/app/api/waitlists/[id]/billing-portal/route";
import * as invitations from "@/app/api/waitlists/[id]/invitations/route";
import * as waves from "@/app/api/waitlists/[id]/waves/route";
import * as wave from "@/app/api/waitlists/[id]/waves/[waveId]/route";
import * as inviteCode from "@/app/api/waitlists/[id]/invite-codes/[code]/route";
import * as invitationSettings from "@/app/api/waitlists/[id]/invitation-settings/route";
import * as restrictions from "@/app/api/waitlists/[id]/restrictions/route";
import { closeDb, pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { setSignupStatus } from "@/lib/signups/line";
import { createSignup } from "@/lib/signups/mutations";
import { SIGNUP_MAX_BYTES } from "@/lib/signups/schemas";
import { THEME_FONTS, THEME_RADII } from "@/lib/waitlists/schemas";
import { createWaitlist, uniqueEmail, uniqueIp, uniqueSlug } from "@/tests/support/fixtures";
import * as arb from "@/tests/support/hostile-arbitraries";
import {
  APP, assertDocumentedError, assertDocumentedPublic, assertOwnerAnswer, callRoute, CaseCounter, fill, scaled, type HostileHeaders,
} from "@/tests/support/hostile-http";
import { signedInOwner } from "@/tests/support/owner-api";
import { enforceTurnstileAgainstFake } from "@/tests/support/public-api";

// Property tests: hostile bodies, headers, cookies, origins and query strings against the real route handlers
// and the real test database. Every answer must be the documented error shape (or a documented success),
// never a 5xx, and an invalid request must change nothing. The runs per property add up to over 10,000.

const counter = new CaseCounter();
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
let fake: Awaited<ReturnType<typeof enforceTurnstileAgainstFake>>;
let owner: Awaited<ReturnType<typeof signedInOwner>>;

beforeAll(async () => {
  process.env.APP_URL = "http://localhost:3000";
  // Thousands of refused requests would log a line each; unhandled errors (the 500s this hunts) still print.
  process.env.LOG_LEVEL = "error";
  fake = await enforceTurnstileAgainstFake();
  resetEnvCache();
  owner = await signedInOwner();
});
afterAll(async () => {
  console.log(counter.report());
  await fake.close();
  await closeDb();
});

const count = async (sql: string, values: unknown[]) => Number((await pool().query<{ n: string }>(sql, values)).rows[0]!.n);
const signupCount = (waitlistId: string) => count(`SELECT count(*) AS n FROM signups WHERE waitlist_id = $1`, [waitlistId]);
const headers = { contentType: arb.contentType, contentLength: arb.contentLength, origin: arb.origin, secFetchSite: arb.secFetchSite };
const run = counter.run.bind(counter);

describe("hostile input: public API", () => {
  it("signup: documented answers only, and a row only for a documented success", async () => {
    const w = await createWaitlist({ slug: uniqueSlug("fc-signup"), plan: "PRO", fieldName: true, fieldCompany: true, fieldTwitter: true });
    const fields = {
      email: fc.oneof(fc.constant(arb.FRESH_EMAIL), fc.constantFrom("dup-a@example.com", "DUP-A@EXAMPLE.COM ")),
      turnstile: fc.oneof({ weight: 3, arbitrary: fc.constant(arb.PASS_TOKEN) }, { weight: 1, arbitrary: fc.constantFrom("fail-x", "", "500-x", "notjson-x") }),
      name: arb.hostileString,
      company: arb.hostileString,
      twitter: fc.constantFrom("@alice", "https://x.com/bob", "a_b", "no spaces allowed"),
      ref: fc.constantFrom("ABCDEFGH", "abcdefgh", "0000", ""),
      website: fc.constantFrom("", "http://spam.example"),
    };
    const input = fc.record({
      body: arb.hostileBody(fields, SIGNUP_MAX_BYTES, ["website"]),
      slug: fc.oneof({ weight: 6, arbitrary: fc.constant(w.slug) }, { weight: 1, arbitrary: fc.oneof(arb.hostileString, fc.constant(w.slug.toUpperCase())) }),
      ip: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb.headerValue }),
      ...headers,
    });
    await run("public POST signup", scaled(3000), input, async (v) => {
      const before = await signupCount(w.id);
      const a = await callRoute(signupPOST, `${APP}/api/public/x/signup`, "POST", { slug: v.slug }, fill(v.body), { ...v, ip: v.ip ?? uniqueIp() });
      assertDocumentedPublic("/api/public/{slug}/signup", "post", a);
      const created = a.status === 200 && !(a.json as { duplicate?: boolean }).duplicate;
      expect(await signupCount(w.id)).toBe(before + (created ? 1 : 0));
      return a;
    });
  });

  it("config: documented answers only", async () => {
    const w = await createWaitlist({ slug: uniqueSlug("fc-config") });
    const input = fc.record({
      slug: fc.oneof(fc.constant(w.slug), arb.hostileString),
      query: arb.queryString({ slug: arb.hostileString, v: arb.hostileString }),
      ip: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb.headerValue }),
      cookie: fc.option(arb.badCookie),
      ...headers,
    });
    await run("public GET config", scaled(1500), input, async (v) => {
      const a = await callRoute(configGET, `${APP}/api/public/x/config${v.query}`, "GET", { slug: v.slug }, undefined, { ...v, ip: v.ip ?? uniqueIp() });
      assertDocumentedPublic("/api/public/{slug}/config", "get", a);
      return a;
    });
  });
});

const call = (handler: unknown, path: string, method: string, p: Record<string, string>, body: string | Uint8Array | undefined, h: HostileHeaders) =>
  callRoute(handler, `${APP}/api/waitlists${path}`, method, p, body, h);

describe("hostile input: owner API, signed in", () => {
  it("create and update a waitlist: documented answers, and nothing changed unless it succeeded", async () => {
    const target = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("fc-upd") });
    const snapshot = async () => JSON.stringify((await pool().query(`SELECT * FROM waitlists WHERE id = $1`, [target.id])).rows[0]);
    // Good values (hostileBody puts hostile ones in their place now and then), so that updates get through too.
    const good = <T>(g: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: g }, { weight: 1, arbitrary: arb.hostileJson });
    const text = (max: number) => fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: max });
    const colour = fc.constantFrom("#abc", "#4F46E5", "#000000");
    const theme = fc.record(
      { primary: good(colour), bg: good(colour), text: good(colour), font: good(fc.constantFrom(...THEME_FONTS)), radius: good(fc.constantFrom(...THEME_RADII)), logo_url: good(fc.constantFrom("", "https://e.example/a.png")) },
      { requiredKeys: [] },
    );
    const update = {
      title: text(80), description: text(500), theme, is_open: fc.boolean(),
      fields: fc.dictionary(fc.constantFrom("name", "company", "twitter"), fc.boolean()),
      capacity: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10_000_001 })),
      referral_boost: fc.integer({ min: -1, max: 1001 }),
    };
    const input = fc.record({ body: arb.hostileBody(update, 64 * 1024), id: fc.oneof({ weight: 5, arbitrary: fc.constant(target.id) }, { weight: 1, arbitrary: arb.hostileString }), ...headers });
    await run("owner PATCH waitlist", scaled(1000), input, async (v) => {
      const before = await snapshot();
      const a = await call(item.PATCH, `/${target.id}`, "PATCH", { id: v.id }, v.body, { ...v, cookie: owner.cookie });
      if (!assertOwnerAnswer(a, (x) => (x.json as { waitlist?: { id: string } }).waitlist?.id === target.id)) expect(await snapshot()).toBe(before);
      return a;
    });

    const create = { slug: fc.oneof(fc.constant("FRESH_SLUG"), arb.hostileString), title: text(80), description: text(500) };
    const mine = () => count(`SELECT count(*) AS n FROM waitlists WHERE created_by = $1`, [owner.id]);
    await run("owner POST waitlist", scaled(800), fc.record({ body: arb.hostileBody(create, 64 * 1024), ...headers }), async (v) => {
      const before = await mine();
      const body = typeof v.body === "string" ? v.body.replaceAll("FRESH_SLUG", () => uniqueSlug("fc")) : v.body;
      const a = await call(collection.POST, "", "POST", {}, body, { ...v, cookie: owner.cookie });
      const created = assertOwnerAnswer(a, (x) => x.status === 201 && typeof (x.json as { waitlist?: { id?: unknown } }).waitlist?.id === "string");
      expect(await mine()).toBe(before + (created ? 1 : 0));
      return a;
    });
  });

  it("signups list and CSV export: any query string is a page, a whole CSV, or a 400 before any byte", async () => {
    const w = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("fc-list") });
    for (let i = 0; i < 5; i++) await createSignup({ waitlistId: w.id, email: uniqueEmail("fc-l"), name: i % 2 ? "=1+1" : ";-x" });
    const listQuery = arb.queryString({
      order: fc.constantFrom("position", "joined"), status: fc.constantFrom("waiting", "invited", "all"), q: arb.hostileString,
      cursor: arb.cursor, limit: fc.oneof(arb.edgeInteger.map(String), fc.constantFrom("50", "200", "201", "1e2", "0x10", " 5", "")),
    });
    await run("owner GET signups", scaled(1200), fc.record({ query: listQuery, ...headers }), async (v) => {
      const a = await call(signups.GET, `/${w.id}/signups${v.query}`, "GET", { id: w.id }, undefined, { ...v, cookie: owner.cookie });
      assertOwnerAnswer(a, (x) => Array.isArray((x.json as { signups?: unknown }).signups));
      return a;
    });

    const exportQuery = arb.queryString({ status: fc.constantFrom("waiting", "invited", "all"), joined_after: arb.dateParam, joined_before: arb.dateParam });
    await run("owner GET export.csv", scaled(700), fc.record({ query: exportQuery, ...headers }), async (v) => {
      const a = await call(exportCsv.GET, `/${w.id}/export.csv${v.query}`, "GET", { id: w.id }, undefined, { ...v, cookie: owner.cookie });
      assertOwnerAnswer(a, (x) => x.type.startsWith("text/csv") && x.text.startsWith("position,email,"));
      return a;
    });
  });

  it("let in / remove a person: documented answers, and nothing changed unless it succeeded", async () => {
    const w = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("fc-person") });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await createSignup({ waitlistId: w.id, email: uniqueEmail("fc-p") });
      if (r.kind === "created") ids.push(r.id);
    }
    await setSignupStatus(w.id, ids[0]!, "INVITED");
    const state = async () => JSON.stringify((await pool().query(`SELECT id, status, score FROM signups WHERE waitlist_id = $1 ORDER BY seq`, [w.id])).rows);
    const input = fc.record({
      signupId: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: arb.hostileString }),
      method: fc.constantFrom("PATCH", "PATCH", "DELETE"),
      body: arb.hostileBody({ status: fc.constantFrom("invited", "waiting", "removed", "INVITED") }, 64 * 1024),
      ...headers,
    });
    await run("owner PATCH/DELETE signup", scaled(800), input, async (v) => {
      // DELETE of a real person would empty the list in a few runs: real ids only go to PATCH.
      const signupId = v.method === "DELETE" && ids.includes(v.signupId) ? "00000000-0000-4000-8000-000000000000" : v.signupId;
      const before = await state();
      const a = await call(v.method === "PATCH" ? signup.PATCH : signup.DELETE, `/${w.id}/signups/x`, v.method, { id: w.id, signupId }, v.body, { ...v, cookie: owner.cookie });
      if (!assertOwnerAnswer(a, (x) => (x.json as { ok?: unknown }).ok === true)) expect(await state()).toBe(before);
      return a;
    });
  });

  it("CSV import: documented answers, and all or nothing", async () => {
    const w = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("fc-import"), plan: "PRO" });
    const body = fc.oneof({ weight: 4, arbitrary: arb.csvFile }, { weight: 1, arbitrary: arb.hostileBody({ email: arb.hostileString }, 1024) });
    const type = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("text/csv", "text/plain; charset=utf-8", "TEXT/CSV", "application/vnd.ms-excel") }, { weight: 1, arbitrary: arb.contentType });
    const input = fc.record({ body, type, dry: fc.constantFrom("", "?dry_run=1", "?dry_run=0", "?dry_run=%00"), origin: arb.origin, secFetchSite: arb.secFetchSite, contentLength: arb.contentLength });
    await run("owner POST import", scaled(900), input, async (v) => {
      const before = await signupCount(w.id);
      const a = await call(importCsv.POST, `/${w.id}/import${v.dry}`, "POST", { id: w.id }, fill(v.body), { ...v, contentType: v.type, cookie: owner.cookie });
      const after = await signupCount(w.id);
      if (!a.type.startsWith("application/x-ndjson")) {
        assertOwnerAnswer(a, (x) => v.dry === "?dry_run=1" && Array.isArray((x.json as { preview?: unknown }).preview));
        expect(after).toBe(before);
        return a;
      }
      expect(a.status).toBe(200);
      const last = JSON.parse(a.text.trim().split("\n").at(-1)!) as { type: string; imported?: number };
      expect(last.type).toBe("done");
      expect(after).toBe(before + last.imported!);
      return a;
    });
  });
});

describe("hostile input: owner API, sessions and ids", () => {
  // Every owner route that takes an id, with its method; the collection's two routes take none.
  const byId = [
    [item.GET, "GET"], [item.PATCH, "PATCH"], [item.DELETE, "DELETE"], [signups.GET, "GET"], [stats.GET, "GET"], [exportCsv.GET, "GET"],
    [importCsv.POST, "POST"], [upgrade.POST, "POST"], [portal.POST, "POST"], [signup.PATCH, "PATCH"], [signup.DELETE, "DELETE"],
    [invitations.POST, "POST"], [waves.GET, "GET"], [waves.POST, "POST"], [wave.DELETE, "DELETE"], [inviteCode.GET, "GET"],
    [invitationSettings.GET, "GET"], [invitationSettings.PATCH, "PATCH"],
    [restrictions.GET, "GET"], [restrictions.PATCH, "PATCH"],
  ] as const;
  const everyRoute = [[collection.GET, "GET"], [collection.POST, "POST"], ...byId] as const;
  const ownerState = async () =>
    JSON.stringify((await pool().query(`SELECT w.*, (SELECT count(*) FROM signups s WHERE s.waitlist_id = w.id) AS n FROM waitlists w WHERE created_by = $1 ORDER BY id`, [owner.id])).rows);

  it("signed out (no cookie, or any malformed one), every route answers 401, or 403 for a foreign origin on a write", async () => {
    const w = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("fc-out") });
    await createSignup({ waitlistId: w.id, email: uniqueEmail("fc-o") });
    const input = fc.record({
      route: fc.nat({ max: everyRoute.length - 1 }),
      cookie: fc.option(arb.badCookie, { freq: 8 }),
      id: fc.oneof(fc.constant(w.id), arb.hostileString),
      query: arb.queryString({ status: arb.hostileString, cursor: arb.hostileString }),
      body: arb.hostileBody({ title: arb.hostileString, status: arb.hostileString }, 64 * 1024),
      ...headers,
    });
    const before = await ownerState();
    await run("owner routes signed out", scaled(1400), input, async (v) => {
      const [handler, method] = everyRoute[v.route]!;
      const a = await call(handler, `/${w.id}${v.query}`, method, { id: v.id, signupId: v.id }, v.body, v);
      assertDocumentedError(a, [401, 403]);
      return a;
    });
    expect(await ownerState()).toBe(before);
  });

  it("signed in, any id but one of the owner's answers 404, or 403 for a foreign origin on a write", async () => {
    const cuidLike = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 25, maxLength: 25 });
    const input = fc.record({
      route: fc.nat({ max: byId.length - 1 }),
      id: fc.oneof(arb.hostileString, fc.uuid(), cuidLike),
      query: arb.queryString({ status: arb.hostileString, joined_after: arb.hostileString, dry_run: fc.constant("1") }),
      body: arb.hostileBody({ title: arb.hostileString, status: fc.constantFrom("invited", "waiting") }, 64 * 1024),
      ...headers,
    });
    const before = await ownerState();
    await run("owner routes with a foreign or malformed id", scaled(700), input, async (v) => {
      const [handler, method] = byId[v.route]!;
      const a = await call(handler, `/x${v.query}`, method, { id: v.id, signupId: v.id }, v.body, { ...v, cookie: owner.cookie });
      assertDocumentedError(a, [403, 404]);
      return a;
    });
    expect(await ownerState()).toBe(before);
  });

  it("ran at least 10,000 generated cases, and no prototype was polluted", () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(counter.total).toBeGreaterThanOrEqual(scaled(10_000));
  });
});
