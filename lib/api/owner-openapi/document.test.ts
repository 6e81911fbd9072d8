import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergePathModules } from "@/lib/api/openapi-kit";
import { buildOwnerOpenApi, OWNER_PATH_MODULES } from "@/lib/api/owner-openapi/document";
import { closeDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createKey } from "@/lib/keys/mutations";
import { resetKeyRateLimiter } from "@/lib/keys/rate-limit";
import { API_ACCESS, discoverRouteFiles, fillPattern, repoPath, routePattern, type ApiCall, type ApiRoute } from "@/tests/support/access-map";
import { accessWorld, send, type AccessWorld, type Sent } from "@/tests/support/access-world";
import { expectDocumented, servedOpenApi, validatorFor, type OpenApiDoc } from "@/tests/support/openapi-check";

// The owner API's document (/api/openapi.json) against the real handlers: it describes exactly the owner routes
// on disk, and every answer they give (success and the shared errors) matches it.

let doc: OpenApiDoc;
const saved = { ...process.env };
beforeAll(async () => {
  process.env = { ...saved, APP_URL: "http://localhost:3000", TURNSTILE_MODE: "off" };
  resetEnvCache();
  doc = await servedOpenApi("owner");
});
afterAll(async () => {
  process.env = saved;
  resetEnvCache();
  await closeDb();
});

const files = new Map(discoverRouteFiles().map((f) => [routePattern(f), f]));
const ownerRows = Object.entries(API_ACCESS)
  // The product API under /api/v1 (who: "key") is part of the owner's API: same keys, same document.
  .filter(([, route]) => route.who === "owner" || route.who === "key")
  .flatMap(([pattern, route]) => Object.entries(route.methods).map(([method, call]) => ({ pattern, method, call: call! })));
const docPath = (pattern: string) => pattern.replace(/:(\w+)/g, "{$1}");
const sessionOnly = (pattern: string, method?: string) =>
  API_ACCESS[pattern]?.sessionOnly === true || (method !== undefined && API_ACCESS[pattern]?.methods[method as keyof ApiRoute["methods"]]?.sessionOnly === true);

type Handler = Parameters<typeof send>[0];
async function handler(pattern: string, method: string): Promise<Handler> {
  const mod = (await import(/* @vite-ignore */ repoPath(files.get(pattern)!))) as Record<string, Handler>;
  return mod[method]!;
}

function call(world: AccessWorld, pattern: string, method: string, c: ApiCall, auth: { cookie?: string; headers?: Record<string, string> }) {
  const ids = world.ids as Record<string, string>;
  return {
    method,
    path: fillPattern(pattern, world.ids) + (c.query?.(world.ids) ?? ""),
    params: Object.fromEntries([...pattern.matchAll(/:(\w+)/g)].map(([, k]) => [k!, ids[k!]!])),
    body: c.body?.(world.ids),
    contentType: c.contentType,
    ...auth,
  };
}

function expectMatches(pattern: string, method: string, r: Sent) {
  const json = r.headers.get("content-type")?.startsWith("application/json");
  if (!json) {
    const documented = doc.paths[docPath(pattern)]?.[method.toLowerCase()]?.responses[String(r.status)]?.content ?? {};
    expect(Object.keys(documented), `${method} ${pattern} ${r.status}`).toContain(r.headers.get("content-type")?.split(";")[0]);
    return;
  }
  expectDocumented(doc, docPath(pattern), method.toLowerCase(), { status: r.status, json: r.json });
}

describe("the owner OpenAPI document", () => {
  it("is OpenAPI 3.1 with the bearer key and the cookie, and describes exactly the owner routes on disk", () => {
    expect(doc.openapi).toBe("3.1.0");
    const described = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((k) => k !== "parameters").map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual(ownerRows.map((r) => `${r.method} ${docPath(r.pattern)}`).sort());
    expect(JSON.stringify((doc as unknown as { components: { securitySchemes: object } }).components.securitySchemes)).toMatch(/bearer.*waitforge_session/);
  });

  it("matches every owner route's real answer (an API key, or the owner's session on the session-only and owner-only routes)", async () => {
    for (const { pattern, method, call: c } of ownerRows) {
      const world = await accessWorld();
      const auth = sessionOnly(pattern, method) || c.role === "owner" ? { cookie: world.a.cookie } : { headers: { authorization: `Bearer ${world.keySecret}`, origin: "" } };
      const r = await send(await handler(pattern, method), call(world, pattern, method, c, auth));
      // No Stripe keys here: upgrade and billing portal answer their documented 503 instead of the map's status.
      const expected = r.status === 503 ? 503 : c.status;
      expect({ route: `${method} ${pattern}`, status: r.status }).toEqual({ route: `${method} ${pattern}`, status: expected });
      expectMatches(pattern, method, r);
    }
  }, 120_000);

  it("matches the shared refusals: 401 unknown key, 403 read-only key or key on key routes, 404 another owner, 429", async () => {
    const world = await accessWorld();
    const readOnly = await createKey(world.teamId, world.a.id, { name: "read", scope: "read" });
    for (const { pattern, method, call: c } of ownerRows) {
      const h = await handler(pattern, method);
      const answers: Sent[] = [await send(h, call(world, pattern, method, c, { headers: { authorization: `Bearer wf_live_${"Q".repeat(32)}` } }))];
      if (method !== "GET" || sessionOnly(pattern, method)) {
        answers.push(await send(h, call(world, pattern, method, c, { headers: { authorization: `Bearer ${readOnly.secret}`, origin: "" } })));
      }
      if (/:(id|keyId)\b/.test(pattern)) answers.push(await send(h, call(world, pattern, method, c, { cookie: world.b.cookie })));
      for (const r of answers) expectMatches(pattern, method, r);
      expect({ route: `${method} ${pattern}`, unknownKey: answers[0]!.status }).toEqual({ route: `${method} ${pattern}`, unknownKey: 401 });
      if (method !== "GET" || sessionOnly(pattern, method)) {
        expect({ route: `${method} ${pattern}`, readOnly: answers[1]!.status }).toEqual({ route: `${method} ${pattern}`, readOnly: 403 });
      }
    }
    process.env.OWNER_KEY_RATE_LIMIT = "1";
    resetEnvCache();
    await resetKeyRateLimiter();
    const h = await handler("/api/waitlists", "GET");
    const key = { headers: { authorization: `Bearer ${readOnly.secret}` } };
    await send(h, { method: "GET", path: "/api/waitlists", params: {}, ...key });
    const limited = await send(h, { method: "GET", path: "/api/waitlists", params: {}, ...key });
    expect(limited.status).toBe(429);
    expectMatches("/api/waitlists", "GET", limited);
    delete process.env.OWNER_KEY_RATE_LIMIT;
    resetEnvCache();
    await resetKeyRateLimiter();
  }, 120_000);

  it("refuses an answer that breaks the contract, and two modules claiming one path (the checks can fail)", () => {
    const validate = validatorFor(doc, "/api/keys", "post", 201);
    expect(validate({ ok: true, key: { id: "k", name: "n", prefix: "wf_live_abcd", scope: "read", created_at: new Date().toISOString(), last_used_at: null }, secret: "wf_live_short" })).toBe(false);
    const base = buildOwnerOpenApi([]);
    expect(() => mergePathModules(base, [...OWNER_PATH_MODULES, { ...OWNER_PATH_MODULES[0]!, tag: { name: "Copy", description: "A second claim." } }])).toThrow(/described by two modules/);
  });
});
