import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { API_ACCESS, discoverRouteFiles, HTTP_METHODS, minimumRole, repoPath, routePattern, type HttpMethod } from "@/tests/support/access-map";
import { expectAllowed, expectError, expectProblem, request } from "@/tests/support/access-checks";
import { mayCall, ROLE_CALLERS, setViewersCanExport, STRANGERS, strangerAnswer } from "@/tests/support/access-roles";
import { accessWorld, leaked, send } from "@/tests/support/access-world";
import { servedOpenApi } from "@/tests/support/openapi-check";
import { startFakeStripe, type FakeStripe } from "@/tests/support/fake-stripe";

// Every route handler of the app against the access map (tests/support/access-map.ts), in process through the
// real handlers with real sessions in the test database. A route or exported method the map does not cover
// fails the first test: new routes must join the table. Owner rows are played twice: against outsiders
// (anonymous, unknown keys, foreign origins, a stranger and their key) and against every role of A's team
// (owner, admin, viewer, read-write and read-only key: tests/support/access-roles.ts).

const STRIPE = { secretKey: "sk_test_access", webhookSecret: "whsec_access", priceId: "price_access" };
const saved = { ...process.env };
let stripe: FakeStripe;

beforeAll(async () => {
  stripe = await startFakeStripe({ secretKey: STRIPE.secretKey });
  process.env = {
    ...saved,
    APP_URL: "http://localhost:3000",
    AUTH_SECRET: "access-table-secret-0123456789abcdef0123456789",
    TURNSTILE_MODE: "off",
    STRIPE_SECRET_KEY: STRIPE.secretKey,
    STRIPE_WEBHOOK_SECRET: STRIPE.webhookSecret,
    STRIPE_PRICE_ID: STRIPE.priceId,
    STRIPE_API_BASE: stripe.url,
  };
  resetEnvCache();
});
afterAll(async () => {
  await stripe.close();
  process.env = saved;
  resetEnvCache();
  await closeDb();
});

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
/** Route params that B's own list or team fills, or that are values looked up there (an invite code). */
const OWN_PARAMS = new Set(["id", "teamId", "code"]);
const fileByPattern = new Map(discoverRouteFiles().map((f) => [routePattern(f), f]));

type RouteModule = Partial<Record<HttpMethod, Parameters<typeof send>[0]>>;

async function load(file: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ repoPath(file))) as RouteModule;
}

describe("the access map", () => {
  it("has a row for every route file and every exported method, and none for anything that is gone", async () => {
    const problems: string[] = [];
    for (const [pattern, file] of fileByPattern) {
      const row = API_ACCESS[pattern];
      const mod = await load(file);
      const exported = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
      if (!row) {
        problems.push(`${file} (${pattern}) exports ${exported.join(", ")} but has no row in tests/support/access-map.ts`);
        continue;
      }
      for (const m of exported) if (!row.methods[m]) problems.push(`${pattern}: ${m} is exported but has no row`);
      for (const m of Object.keys(row.methods)) {
        if (!exported.includes(m as HttpMethod)) problems.push(`${pattern}: the map has ${m} but ${file} does not export it`);
      }
    }
    for (const pattern of Object.keys(API_ACCESS)) {
      if (!fileByPattern.has(pattern)) problems.push(`${pattern} is in the map but no route file serves it`);
    }
    expect(problems).toEqual([]);
    expect(fileByPattern.size).toBeGreaterThanOrEqual(Object.keys(API_ACCESS).length);
  });
});

const rows = Object.entries(API_ACCESS).flatMap(([pattern, route]) =>
  Object.entries(route.methods).map(([method, call]) => ({ pattern, who: route.who, method: method as HttpMethod, call: call! })),
);

describe("the minimum roles", () => {
  it("are the ones the owner API's OpenAPI document states (x-min-role), for every owner row", async () => {
    const doc = await servedOpenApi("owner");
    const stated = (pattern: string, method: string) =>
      (doc.paths[pattern.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()] as { "x-min-role"?: string } | undefined)?.["x-min-role"];
    const owner = rows.filter((r) => r.who === "owner");
    const mismatches = owner
      .map(({ pattern, method, call }) => ({ route: `${method} ${pattern}`, map: call.declaredRole ?? minimumRole(method, call), document: stated(pattern, method) }))
      .filter((r) => r.map !== r.document);
    expect(mismatches).toEqual([]);
    expect(owner.length).toBeGreaterThan(40);
  });
});

async function handlerFor(pattern: string, method: HttpMethod) {
  const file = fileByPattern.get(pattern);
  if (!file) throw new Error(`no route file for ${pattern}`);
  const handler = (await load(file))[method];
  if (!handler) throw new Error(`${file} does not export ${method}`);
  return handler;
}

for (const { pattern, who, method, call } of rows) describe(`${method} ${pattern} (${who})`, () => {
  if (who === "owner") {
    const route = API_ACCESS[pattern]!;
    it("401s anonymous callers and unknown keys, 403s a foreign Origin, answers a stranger (session or key) 404 for the team's ids, changes nothing", async () => {
      const world = await accessWorld();
      const handler = await handlerFor(pattern, method);
      const req = () => request(pattern, method, call, world);
      const before = await world.snapshot();

      for (const { label, cookie } of world.anonymousCookies) {
        expectError(await send(handler, { ...req(), cookie }), 401, "unauthorized", world, label);
      }

      const unknownKey = { authorization: `Bearer wf_live_${"Z".repeat(32)}` };
      expectError(await send(handler, { ...req(), headers: unknownKey }), 401, "unauthorized", world, "unknown API key");

      for (const stranger of STRANGERS) {
        const r = await send(handler, { ...req(), ...stranger.auth(world) });
        const answer = strangerAnswer(stranger, pattern, route, method, call);
        if (answer === "own") expectAllowed(r, call, `${stranger.label}, own team`);
        else if (answer.status >= 400 && answer.code) expectError(r, answer.status, answer.code, world, stranger.label);
        else expectAllowed(r, answer, stranger.label);
        expect({ label: stranger.label, leaked: leaked(r.text, world.secrets) }).toEqual({ label: stranger.label, leaked: [] });
      }
      // B's own list or team with A's ids for everything else (signup, hook, wave, job, member, invitation...): such
      // an id is not in B's list or team (404), and nothing of A's is read or changed through it (the snapshot
      // below). An invite code is a value looked up, not an id: B's list just has no such code.
      if (/:(id|teamId)\b/.test(pattern)) {
        const label = "B's own list or team with A's other ids";
        const r = await send(handler, { ...request(pattern, method, call, world, world.strangerIds), cookie: world.b.cookie });
        const inner = [...pattern.matchAll(/:(\w+)/g)].map(([, k]) => k!).filter((k) => !OWN_PARAMS.has(k));
        if (inner.length > 0) expectError(r, 404, "not_found", world, label);
        expect({ label, leaked: leaked(r.text, world.secrets) }).toEqual({ label, leaked: [] });
      }

      if (!SAFE.has(method)) {
        const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { origin: "", "sec-fetch-site": "cross-site" }];
        for (const headers of foreign) {
          const r = await send(handler, { ...req(), cookie: world.a.cookie, headers });
          expectError(r, 403, "forbidden_origin", world, JSON.stringify(headers));
        }
      }
      expect(await world.snapshot()).toEqual(before);
    });

    const need = `${minimumRole(method, call)}${call.personalData ? " (viewers when the team allows export)" : ""}`;
    it(`lets every member or key of the team from ${need} up through; 403s the roles below, changing nothing`, async () => {
      const world = await accessWorld();
      const handler = await handlerFor(pattern, method);
      const before = await world.snapshot();

      for (const caller of ROLE_CALLERS.filter((c) => !mayCall(c, route, method, call, false))) {
        const r = await send(handler, { ...request(pattern, method, call, world), ...caller.auth(world) });
        expectError(r, 403, "forbidden", world, caller.label);
      }
      expect(await world.snapshot()).toEqual(before);

      // Those allowed as the team is, then those an owner's consent to exporting lets in (a viewer's session).
      const allowedNow = ROLE_CALLERS.filter((c) => mayCall(c, route, method, call, false));
      const allowedOnceExportAllowed = ROLE_CALLERS.filter((c) => !mayCall(c, route, method, call, false) && mayCall(c, route, method, call, true));
      expect(allowedNow.map((c) => c.label)).toContain(ROLE_CALLERS[0]!.label);
      for (const [i, caller] of [...allowedNow, ...allowedOnceExportAllowed].entries()) {
        // A change gets a world of its own for every caller after the first, so that each finds intact what the
        // call changes (deletes); a read shares the first.
        const w = SAFE.has(method) || i === 0 ? world : await accessWorld();
        if (allowedOnceExportAllowed.includes(caller)) await setViewersCanExport(w, true);
        expectAllowed(await send(handler, { ...request(pattern, method, call, w), ...caller.auth(w) }), call, caller.label);
      }
    });
  }

  if (who === "key") {
    it("401s without A's valid key (a session alone too), 403s a read-only key's writes, 404s B's key, changes nothing; A's key gets through", async () => {
      const world = await accessWorld();
      const handler = await handlerFor(pattern, method);
      const req = () => request(pattern, method, call, world);
      const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
      const before = await world.snapshot();

      for (const { label, authorization } of world.keys.refused) {
        const r = await send(handler, { ...req(), headers: authorization ? { authorization } : {} });
        expectProblem(r, 401, "unauthorized", world, label);
        expect(r.headers.get("www-authenticate"), label).toMatch(/^Bearer realm=/);
      }
      expectProblem(await send(handler, { ...req(), cookie: world.a.cookie }), 401, "unauthorized", world, "session cookie alone");

      const readOnly = await send(handler, { ...req(), headers: bearer(world.keys.aRead) });
      if (SAFE.has(method)) expectAllowed(readOnly, call, "read-only key");
      else expectProblem(readOnly, 403, "forbidden", world, "read-only key");

      const other = await send(handler, { ...req(), headers: bearer(world.keys.b) });
      if (pattern.includes(":featureKey")) expectProblem(other, 404, "not_found", world, "another owner's key");
      else {
        expectAllowed(other, call, "another owner's key, own data");
        expect(leaked(other.text, world.secrets)).toEqual([]);
      }
      expect(await world.snapshot()).toEqual(before);

      expectAllowed(await send(handler, { ...req(), headers: bearer(world.keys.a) }), call, "A's key");
    });
  }

  if (who === "public" || who === "anyone") {
    it("answers anyone, from any origin, with or without a session, the same way", async () => {
      const world = await accessWorld();
      const handler = await handlerFor(pattern, method);
      const callers = [{}, { headers: { origin: "https://customer.example" } }, { cookie: world.a.cookie }];
      for (const [i, extra] of callers.entries()) {
        const r = await send(handler, { ...request(pattern, method, call, world), ...extra });
        expectAllowed(r, call, `caller ${i}`);
        if (who === "public") expect(r.headers.get("access-control-allow-origin")).toBe("*");
      }
    });
  }

  if (who === "stripe") {
    it("needs a valid Stripe signature; a session or a wrong secret gets 400 invalid_signature", async () => {
      const world = await accessWorld();
      const handler = await handlerFor(pattern, method);
      const payload = JSON.stringify(call.body?.(world.ids) ?? {});
      const signed = (secret: string) => ({ "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret }) });
      for (const [label, extra] of [
        ["no signature", {}],
        ["session but no signature", { cookie: world.a.cookie }],
        ["wrong secret", { headers: signed("whsec_wrong") }],
      ] as const) {
        const r = await send(handler, { method, path: pattern, params: {}, body: payload, ...extra });
        expectError(r, 400, "invalid_signature", world, label);
      }
      const ok = await send(handler, { method, path: pattern, params: {}, body: payload, headers: signed(STRIPE.webhookSecret) });
      expectAllowed(ok, call, "signed");
    });
  }

  if (who === "auth.js") {
    it("is Auth.js's own: a session changes nothing, and a POST without its CSRF token is refused", async () => {
      const world = await accessWorld();
      const handler = await handlerFor(pattern, method);
      for (const cookie of [undefined, world.a.cookie]) {
        const r = await send(handler, { ...request(pattern, method, call, world), cookie });
        expectAllowed(r, call, cookie ? "with session" : "anonymous");
        if (method === "GET") expect(r.json).toMatchObject({ csrfToken: expect.stringMatching(/^[0-9a-f]{32,}$/) });
        else expect(r.headers.get("location")).toMatch(/\/sign-in\?error=MissingCSRF$/);
      }
    });
  }
});

describe("the same-origin rule of owner writes", () => {
  it("accepts our own Origin, Sec-Fetch-Site same-origin/none and non-browser clients (no Origin, no Sec-Fetch-Site)", async () => {
    const world = await accessWorld();
    const handler = await handlerFor("/api/waitlists/:id", "PATCH");
    const ours: Record<string, string>[] = [{}, { origin: "", "sec-fetch-site": "same-origin" }, { origin: "", "sec-fetch-site": "none" }, { origin: "" }];
    for (const headers of ours) {
      const r = await send(handler, {
        method: "PATCH",
        path: `/api/waitlists/${world.ids.id}`,
        params: { id: world.ids.id },
        cookie: world.a.cookie,
        headers,
        body: { description: `via ${JSON.stringify(headers)}` },
      });
      expect({ headers, status: r.status }).toEqual({ headers, status: 200 });
    }
  });
});
