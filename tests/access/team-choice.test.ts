import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { API_ACCESS, routePattern, type HttpMethod } from "@/tests/support/access-map";
import { expectAllowed, expectError, request } from "@/tests/support/access-checks";
import { mayCall } from "@/tests/support/access-roles";
import { accessWorld, leaked, send, type AccessWorld } from "@/tests/support/access-world";

// The team-level routes (no waitlist in the path) take the team they act in from the request too: `?team_id=`
// on reads and revocations, `team_id` in a created thing's body. Whatever the dashboard has picked, naming a team
// is only a choice among the caller's own: a stranger naming A's team gets 404, a member the answer of their
// role there. Members here send their session alone (no team picked), so it is team_id that takes them into
// A's team. The rows' bodies and answers come from the access map (tests/support/access-map.ts).

const saved = { ...process.env };
beforeAll(() => {
  process.env = { ...saved, APP_URL: "http://localhost:3000", TURNSTILE_MODE: "off" };
  resetEnvCache();
});
afterAll(async () => {
  process.env = saved;
  resetEnvCache();
  await closeDb();
});

const NAMING: { file: string; method: HttpMethod; via: "query" | "body" }[] = [
  { file: "app/api/waitlists/route.ts", method: "GET", via: "query" },
  { file: "app/api/waitlists/route.ts", method: "POST", via: "body" },
  { file: "app/api/keys/route.ts", method: "GET", via: "query" },
  { file: "app/api/keys/route.ts", method: "POST", via: "body" },
  { file: "app/api/keys/[keyId]/route.ts", method: "DELETE", via: "query" },
];

type Handler = Parameters<typeof send>[0];

function naming(world: AccessWorld, file: string, method: HttpMethod, via: "query" | "body") {
  const pattern = routePattern(file);
  const route = API_ACCESS[pattern]!;
  const call = route.methods[method]!;
  const base = request(pattern, method, call, world);
  const named =
    via === "query"
      ? { ...base, path: `${base.path}?team_id=${world.teamId}` }
      : { ...base, body: { ...(base.body as Record<string, unknown>), team_id: world.teamId } };
  return { route, call, named };
}

describe("a team named in the request", () => {
  for (const { file, method, via } of NAMING) {
    it(`${method} ${routePattern(file)} with team_id in the ${via}: 404 for a stranger, the member's role decides otherwise`, async () => {
      const world = await accessWorld();
      const handler = ((await import(/* @vite-ignore */ `@/${file}`)) as Record<string, Handler>)[method]!;
      const { route, call, named } = naming(world, file, method, via);
      const before = await world.snapshot();

      const stranger = await send(handler, { ...named, cookie: world.b.cookie });
      expectError(stranger, 404, "not_found", world, "stranger naming A's team");
      const members = [
        { label: "viewer naming A's team", role: "viewer", cookie: world.viewer.sessionCookie },
        { label: "admin naming A's team", role: "admin", cookie: world.admin.sessionCookie },
      ] as const;
      for (const m of members.filter((m) => !mayCall({ role: m.role, kind: "session" }, route, method, call, false))) {
        expectError(await send(handler, { ...named, cookie: m.cookie }), 403, "forbidden", world, m.label);
      }
      expect(await world.snapshot()).toEqual(before);

      for (const m of members.filter((m) => mayCall({ role: m.role, kind: "session" }, route, method, call, false))) {
        const r = await send(handler, { ...named, cookie: m.cookie });
        expectAllowed(r, call, m.label);
        // It acted in A's team: a read shows A's list (or key), a creation lands there.
        if (method === "GET") expect(leaked(r.text, [world.ids.id, world.ids.keyId!]).length, m.label).toBeGreaterThan(0);
      }
      if (method === "POST") expect(await world.snapshot()).not.toEqual(before);
    });
  }
});
