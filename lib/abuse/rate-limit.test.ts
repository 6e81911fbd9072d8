import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter, resetPublicRateLimiter } from "@/lib/abuse/rate-limit";
import { clientIp } from "@/lib/abuse/client-ip";
import { closeDb } from "@/lib/db";
import { env, resetEnvCache } from "@/lib/env";
import { createWaitlist, uniqueIp } from "@/tests/support/fixtures";
import { getConfig, postSignup } from "@/tests/support/public-api";

afterAll(async () => {
  await resetPublicRateLimiter();
  await closeDb();
});

describe("client IP", () => {
  const h = (xff: string, extra: Record<string, string> = {}) => new Headers({ "x-forwarded-for": xff, ...extra });
  it("takes the entry our own proxies vouch for, not what the client wrote", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9"), { hops: 0 })).toBe("203.0.113.9");
    // Behind N proxies the N-th entry from the right is the address the outermost proxy saw; left of it is
    // whatever the client wrote.
    expect(clientIp(h("6.6.6.6, 203.0.113.9"), { hops: 1 })).toBe("203.0.113.9");
    expect(clientIp(h("6.6.6.6, 203.0.113.9, 10.0.0.1"), { hops: 2 })).toBe("203.0.113.9");
    expect(clientIp(h("203.0.113.9"), { hops: 3 })).toBe("203.0.113.9");
    expect(clientIp(h("6.6.6.6", { "cf-connecting-ip": "203.0.113.1" }), { header: "cf-connecting-ip", hops: 0 })).toBe(
      "203.0.113.1",
    );
    expect(clientIp(new Headers(), { hops: 0 })).toBe("unknown");
  });
});

describe("the public rate limit (in memory)", () => {
  beforeAll(async () => {
    delete process.env.REDIS_URL;
    resetEnvCache();
    await resetPublicRateLimiter();
  });

  it("allows 120 requests a minute per IP across both endpoints, then answers 429 with Retry-After: 60", async () => {
    expect(env().RATE_LIMIT_PER_MINUTE).toBe(120);
    const w = await createWaitlist();
    const ip = uniqueIp();
    const first = await getConfig(w.slug, { ip });
    expect(first.res.headers.get("ratelimit-limit")).toBe("120");
    expect(first.res.headers.get("ratelimit-remaining")).toBe("119");
    for (let i = 1; i < 119; i++) await getConfig(w.slug, { ip });
    const last = await postSignup(w.slug, { email: "not-an-email" }, { ip });
    expect(last.status).toBe(400);
    expect(last.res.headers.get("ratelimit-remaining")).toBe("0");
    for (const r of [await postSignup(w.slug, {}, { ip }), await getConfig(w.slug, { ip })]) {
      expect(r.status).toBe(429);
      expect(r.res.headers.get("retry-after")).toBe("60");
      expect(r.res.headers.get("access-control-allow-origin")).toBe("*");
      expect(r.json).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    }
    // Another address is unaffected.
    expect((await getConfig(w.slug)).status).toBe(200);
  });

  it("refuses before any database work: a limited client gets 429 even while the database is down", async () => {
    const ip = uniqueIp();
    const w = await createWaitlist();
    for (let i = 0; i < 120; i++) await getConfig(w.slug, { ip });
    const saved = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = "postgresql://127.0.0.1:1/nowhere";
    resetEnvCache();
    try {
      expect((await getConfig(`${w.slug}-x`, { ip })).status).toBe(429);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = saved;
      resetEnvCache();
    }
  });
});

describe("the in-memory count", () => {
  it("counts a fixed window from a key's first request and says when it ends", async () => {
    const limiter = createRateLimiter({ points: 2, durationSeconds: 1 });
    const first = await limiter.consume("198.51.100.20");
    expect(first).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 1 });
    expect((await limiter.consume("198.51.100.20")).remaining).toBe(0);
    expect(await limiter.consume("198.51.100.20")).toMatchObject({ allowed: false, remaining: 0 });
    // Another key has its own window.
    expect((await limiter.consume("198.51.100.21")).allowed).toBe(true);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await limiter.consume("198.51.100.20")).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("later requests do not move the window", async () => {
    const limiter = createRateLimiter({ points: 10, durationSeconds: 2 });
    await limiter.consume("198.51.100.22");
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await limiter.consume("198.51.100.22")).resetSeconds).toBe(1);
  });

  it("holds at most memoryKeys keys: the least recently seen starts afresh", async () => {
    const limiter = createRateLimiter({ points: 1, memoryKeys: 2 });
    expect((await limiter.consume("a")).allowed).toBe(true);
    expect((await limiter.consume("a")).allowed).toBe(false);
    await limiter.consume("b");
    await limiter.consume("c");
    expect((await limiter.consume("a")).allowed).toBe(true);
    expect((await limiter.consume("c")).allowed).toBe(false);
  });
});

describe("the rate limiter with Redis down", () => {
  it("keeps limiting in memory instead of failing open or closed", async () => {
    const limiter = createRateLimiter({ points: 3, redisUrl: "redis://127.0.0.1:1", keyPrefix: "wf:test:down" });
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push((await limiter.consume("198.51.100.9")).allowed);
      expect(results).toEqual([true, true, true, false]);
    } finally {
      await limiter.close();
    }
  });
});

const redisUrl = process.env.REDIS_URL ?? "";

// Needs a Redis: CI sets REDIS_URL when one answers on 127.0.0.1:6379. Without it the suite reports as skipped.
describe.skipIf(!redisUrl)("the public rate limit in Redis (REDIS_URL set)", () => {
  it("is shared by every app instance", async () => {
    const prefix = `wf:test:${randomBytes(4).toString("hex")}`;
    const a = createRateLimiter({ points: 5, redisUrl, keyPrefix: prefix });
    const b = createRateLimiter({ points: 5, redisUrl, keyPrefix: prefix });
    try {
      // Until connected, each instance counts in its own memory (the insurance limiter).
      expect(await a.ready()).toBe(true);
      expect(await b.ready()).toBe(true);
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await (i % 2 ? a : b).consume("198.51.100.1"));
      expect(results.slice(0, 5).every((r) => r.allowed)).toBe(true);
      expect(results[5]).toMatchObject({ allowed: false, remaining: 0 });
      expect((await a.consume("198.51.100.2")).allowed).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
