import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { CONFIG_CHANNEL, closeConfigBus, configBusReady } from "@/lib/waitlists/config-bus";
import { getPublicWaitlist, invalidatePublicWaitlist, resetPublicWaitlistCache } from "@/lib/waitlists/public";
import { createWaitlist } from "@/tests/support/fixtures";
import { startTestRedis, type TestRedis } from "@/tests/support/redis-server";

// Several app instances each cache a waitlist's public config; an owner's edit on one must reach the others
// through Redis, not wait out CONFIG_CACHE_MS. "Another instance" is a second Redis connection here, speaking
// on the same channel as lib/waitlists/config-bus.ts.

let redis: TestRedis;
let other: Redis;
const saved = { ...process.env };

beforeAll(async () => {
  redis = await startTestRedis();
  process.env = { ...saved, REDIS_URL: redis.url, CONFIG_CACHE_MS: "60000" };
  resetEnvCache();
  closeConfigBus();
  resetPublicWaitlistCache();
  other = new Redis(redis.url);
  other.on("error", () => undefined); // it sees the outage the last test makes; that is expected
});
afterAll(async () => {
  other.disconnect();
  closeConfigBus();
  resetPublicWaitlistCache();
  await redis.destroy();
  process.env = saved;
  resetEnvCache();
  await closeDb();
});

const titleOf = async (slug: string) => (await getPublicWaitlist(slug))?.title;

describe("the public config cache across instances", () => {
  it("drops a cached config as soon as another instance announces a change", async () => {
    const w = await createWaitlist({ title: "Before" });
    expect(await titleOf(w.slug)).toBe("Before");
    expect(await configBusReady()).toBe(true);
    await db().waitlist.update({ where: { id: w.id }, data: { title: "After" } });
    // Still the cached copy: nothing told this instance yet.
    expect(await titleOf(w.slug)).toBe("Before");
    await other.publish(CONFIG_CHANNEL, w.slug);
    await expect.poll(() => titleOf(w.slug), { timeout: 5000 }).toBe("After");
  });

  it("announces this instance's own edits to the others", async () => {
    const w = await createWaitlist();
    const heard: string[] = [];
    const listener = new Redis(redis.url);
    try {
      await listener.subscribe(CONFIG_CHANNEL);
      listener.on("message", (_channel: string, slug: string) => heard.push(slug));
      invalidatePublicWaitlist(w.slug);
      await expect.poll(() => heard, { timeout: 5000 }).toContain(w.slug);
    } finally {
      listener.disconnect();
    }
  });

  it("keeps serving (from the database or its cache) while Redis is down, and an edit here still shows here", async () => {
    const w = await createWaitlist({ title: "One" });
    expect(await titleOf(w.slug)).toBe("One");
    await redis.stop();
    try {
      await db().waitlist.update({ where: { id: w.id }, data: { title: "Two" } });
      invalidatePublicWaitlist(w.slug);
      expect(await titleOf(w.slug)).toBe("Two");
    } finally {
      await redis.start();
    }
  });
});
