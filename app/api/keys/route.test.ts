import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as keys from "@/app/api/keys/route";
import * as keyItem from "@/app/api/keys/[keyId]/route";
import * as collection from "@/app/api/waitlists/route";
import * as item from "@/app/api/waitlists/[id]/route";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { hashKey } from "@/lib/keys/secret";
import { resetKeyRateLimiter } from "@/lib/keys/rate-limit";
import { MAX_ACTIVE_KEYS } from "@/lib/keys/schemas";
import { createWaitlist } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

// Owner API keys end to end through the real handlers: managed with the session only, used as
// `Authorization: Bearer` on the owner routes, scoped, revocable and rate limited per key.

const saved = { ...process.env };
beforeAll(() => {
  process.env.APP_URL = "http://localhost:3000";
  resetEnvCache();
});
afterEach(async () => {
  process.env = { ...saved, APP_URL: "http://localhost:3000" };
  resetEnvCache();
  await resetKeyRateLimiter();
});
afterAll(async () => {
  process.env = saved;
  resetEnvCache();
  await resetKeyRateLimiter();
  await closeDb();
});

const code = (r: { json: Record<string, unknown> }) => (r.json.error as { code: string } | undefined)?.code;
type KeyAnswer = { key: { id: string; prefix: string; name: string; scope: string }; secret: string };

async function ownerWithKey(scope: "read" | "write" = "write") {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id, title: "Keyed" });
  const created = await callOwner(keys.POST, {}, { cookie: owner.cookie, body: { name: `CI ${scope}`, scope } });
  expect(created.status).toBe(201);
  return { owner, waitlist, ...(created.json as unknown as KeyAnswer) };
}

describe("API keys: management", () => {
  it("creates a key whose secret is answered once; the list shows name, prefix, scope and creator but never the secret", async () => {
    const { owner, key, secret } = await ownerWithKey("read");
    expect(secret).toMatch(/^wf_live_[0-9A-Za-z]{32}$/);
    expect(key).toMatchObject({ name: "CI read", scope: "read", prefix: secret.slice(0, 12), last_used_at: null, created_by_email: owner.email });
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { secretHash: true } });
    expect(stored.secretHash).toBe(hashKey(secret));

    const list = await callOwner(keys.GET, {}, { cookie: owner.cookie });
    expect(list.status).toBe(200);
    expect(list.json.keys).toEqual([expect.objectContaining({ id: key.id, name: "CI read", prefix: key.prefix, scope: "read", created_by_email: owner.email })]);
    // The creator's account gone: the key stays the team's, its creator unknown.
    await db().apiKey.update({ where: { id: key.id }, data: { createdBy: null }, select: { id: true } });
    expect((await callOwner(keys.GET, {}, { cookie: owner.cookie })).json.keys).toEqual([expect.objectContaining({ id: key.id, created_by_email: null })]);
    expect(JSON.stringify(list.json)).not.toContain(secret.slice(12));
    expect(JSON.stringify(list.json)).not.toContain(stored.secretHash);
  });

  it("refuses bad names and scopes with the field named", async () => {
    const owner = await signedInOwner();
    const answers = await Promise.all(
      [{ name: "", scope: "read" }, { name: "x".repeat(61), scope: "read" }, { name: "ok", scope: "admin" }, { name: "ok" }].map((body) =>
        callOwner(keys.POST, {}, { cookie: owner.cookie, body }),
      ),
    );
    expect(answers.map((a) => [a.status, code(a), (a.json.error as { field?: string }).field])).toEqual([
      [400, "invalid_input", "name"],
      [400, "invalid_input", "name"],
      [400, "invalid_input", "scope"],
      [400, "invalid_input", "scope"],
    ]);
  });

  it(`caps an owner at ${MAX_ACTIVE_KEYS} active keys (409), and a revoked key frees its place`, async () => {
    const owner = await signedInOwner();
    const ids: string[] = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) {
      const r = await callOwner(keys.POST, {}, { cookie: owner.cookie, body: { name: `k${i}`, scope: "read" } });
      ids.push((r.json as unknown as KeyAnswer).key.id);
    }
    const over = await callOwner(keys.POST, {}, { cookie: owner.cookie, body: { name: "one more", scope: "read" } });
    expect([over.status, code(over)]).toEqual([409, "conflict"]);
    expect((over.json.error as { message: string }).message).toMatch(/Revoke one/);

    expect((await callOwner(keyItem.DELETE, { keyId: ids[0]! }, { cookie: owner.cookie, method: "DELETE" })).status).toBe(200);
    expect((await callOwner(keys.POST, {}, { cookie: owner.cookie, body: { name: "again", scope: "read" } })).status).toBe(201);
  });

  it("revokes by owner AND id: another owner's key, an unknown id and a revoked key are 404", async () => {
    const a = await ownerWithKey();
    const b = await signedInOwner();
    const del = (cookie: string, id: string) => callOwner(keyItem.DELETE, { keyId: id }, { cookie, method: "DELETE" });
    expect([(await del(b.cookie, a.key.id)).status, (await del(a.owner.cookie, "nope")).status]).toEqual([404, 404]);
    expect((await del(a.owner.cookie, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    // B's refusal left A's key working.
    expect((await callOwner(collection.GET, {}, { bearer: a.secret })).status).toBe(200);

    expect((await del(a.owner.cookie, a.key.id)).status).toBe(200);
    expect((await del(a.owner.cookie, a.key.id)).status).toBe(404);
    expect((await callOwner(keys.GET, {}, { cookie: a.owner.cookie })).json.keys).toEqual([]);
  });

  it("refuses a key on the key routes (403 forbidden): a leaked key cannot mint, list or revoke keys", async () => {
    const { key, secret } = await ownerWithKey("write");
    const answers = [
      await callOwner(keys.GET, {}, { bearer: secret }),
      await callOwner(keys.POST, {}, { bearer: secret, body: { name: "minted", scope: "write" }, origin: null }),
      await callOwner(keyItem.DELETE, { keyId: key.id }, { bearer: secret, method: "DELETE", origin: null }),
    ];
    expect(answers.map((a) => [a.status, code(a)])).toEqual(answers.map(() => [403, "forbidden"]));
    expect(await db().apiKey.count({ where: { id: key.id, revokedAt: null } })).toBe(1);
  });
});

describe("API keys: calling the owner API", () => {
  it("reads with a read key and writes with a write key; the list shows when a key was last used", async () => {
    const r = await ownerWithKey("read");
    const w = await ownerWithKey("write");
    const list = await callOwner(collection.GET, {}, { bearer: r.secret });
    expect(list.status).toBe(200);
    expect(list.json.waitlists).toEqual([expect.objectContaining({ id: r.waitlist.id })]);
    expect((await callOwner(item.GET, { id: r.waitlist.id }, { bearer: r.secret })).status).toBe(200);
    // Another owner's waitlist stays a 404 with a valid key.
    expect((await callOwner(item.GET, { id: w.waitlist.id }, { bearer: r.secret })).status).toBe(404);

    const patched = await callOwner(item.PATCH, { id: w.waitlist.id }, { bearer: w.secret, method: "PATCH", body: { title: "By key" }, origin: null });
    expect([patched.status, (patched.json.waitlist as { title: string }).title]).toEqual([200, "By key"]);
    const used = await callOwner(keys.GET, {}, { cookie: w.owner.cookie });
    expect((used.json.keys as { last_used_at: string | null }[])[0]?.last_used_at).toEqual(expect.any(String));
  });

  it("refuses writes with a read-only key (403 forbidden) and changes nothing", async () => {
    const { waitlist, secret } = await ownerWithKey("read");
    const answers = [
      await callOwner(item.PATCH, { id: waitlist.id }, { bearer: secret, method: "PATCH", body: { title: "Nope" }, origin: null }),
      await callOwner(item.DELETE, { id: waitlist.id }, { bearer: secret, method: "DELETE", origin: null }),
      await callOwner(collection.POST, {}, { bearer: secret, body: { slug: "never-made", title: "Nope" }, origin: null }),
    ];
    expect(answers.map((a) => [a.status, code(a)])).toEqual(answers.map(() => [403, "forbidden"]));
    expect((await db().waitlist.findUniqueOrThrow({ where: { id: waitlist.id }, select: { title: true } })).title).toBe("Keyed");
  });

  it("answers 401 for a revoked, unknown or malformed key, even with a valid session cookie alongside", async () => {
    const { owner, key, secret } = await ownerWithKey("write");
    await callOwner(keyItem.DELETE, { keyId: key.id }, { cookie: owner.cookie, method: "DELETE" });
    const unknown = `wf_live_${"A".repeat(32)}`;
    for (const bearer of [secret, unknown, "wf_live_short", "", "not-a-key"]) {
      const r = await callOwner(collection.GET, {}, { bearer });
      expect({ bearer, status: r.status, code: code(r) }).toEqual({ bearer, status: 401, code: "unauthorized" });
      const withCookie = await callOwner(collection.GET, {}, { bearer, cookie: owner.cookie });
      expect({ bearer, status: withCookie.status }).toEqual({ bearer, status: 401 });
    }
  });

  it("lets a key write from a cross-site Origin (no cookie involved), while a cookie from a foreign Origin stays 403", async () => {
    const { owner, waitlist, secret } = await ownerWithKey("write");
    const byKey = await callOwner(item.PATCH, { id: waitlist.id }, { bearer: secret, method: "PATCH", body: { title: "From CI" }, origin: "https://ci.example" });
    expect(byKey.status).toBe(200);
    const byCookie = await callOwner(item.PATCH, { id: waitlist.id }, { cookie: owner.cookie, method: "PATCH", body: { title: "Forged" }, origin: "https://evil.example" });
    expect([byCookie.status, code(byCookie)]).toEqual([403, "forbidden_origin"]);
    expect((await db().waitlist.findUniqueOrThrow({ where: { id: waitlist.id }, select: { title: true } })).title).toBe("From CI");
  });

  it("limits each key to OWNER_KEY_RATE_LIMIT requests a minute: 429 rate_limited with RateLimit-* and Retry-After", async () => {
    process.env.OWNER_KEY_RATE_LIMIT = "3";
    resetEnvCache();
    await resetKeyRateLimiter();
    const a = await ownerWithKey("read");
    const b = await ownerWithKey("read");
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await callOwner(collection.GET, {}, { bearer: a.secret }));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.res.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    const limited = answers[3]!;
    expect(code(limited)).toBe("rate_limited");
    expect(limited.res.headers.get("ratelimit-limit")).toBe("3");
    expect(Number(limited.res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Per key: another key, and the dashboard's session, are not slowed down by it.
    expect((await callOwner(collection.GET, {}, { bearer: b.secret })).status).toBe(200);
    expect((await callOwner(collection.GET, {}, { cookie: a.owner.cookie })).status).toBe(200);
  });
});
