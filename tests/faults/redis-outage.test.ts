import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSiteverify } from "@/tests/support/fake-siteverify";
import {
  createFaultWaitlist,
  FAULT_TURNSTILE,
  startFaultServer,
  Teardown,
  writeFigures,
  type FaultServer,
} from "@/tests/support/fault-stack";
import { call, fromClient, label, postSignup, tally } from "@/tests/support/http-answer";
import { startTestRedis, type TestRedis } from "@/tests/support/redis-server";
import { startRestartablePostgres, type RestartablePostgres } from "@/tests/support/restartable-postgres";

// Two production servers share their per-IP limit through a Redis of the test's own (REDIS_URL). Redis is
// stopped: signups go on (each server limits in its own memory); Redis comes back on the same port: both
// servers count in it again, so the limit is shared again.

const LIMIT = 6;
const KEY_PREFIX = "wf:rl:public";
const REQUEST_BOUND_MS = 10_000;
const RECONNECT_BOUND_MS = 30_000;

const teardown = new Teardown();
let database: RestartablePostgres;
let redis: TestRedis;
let observer: Redis;
let servers: FaultServer[] = [];
let slug = "";
let verifyPool: pg.Pool;
let ipCounter = 0;
const figures: Record<string, unknown> = {};

const nextIp = () => {
  ipCounter += 1;
  return `198.18.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function configFrom(server: FaultServer, ip: string) {
  return call(`${server.baseUrl}/api/public/${slug}/config`, { headers: fromClient(ip), timeoutMs: REQUEST_BOUND_MS });
}

async function counterInRedis(ip: string): Promise<number | null> {
  const value = await observer.get(`${KEY_PREFIX}:${ip}`);
  return value === null ? null : Number(value);
}

/** Until each server has counted a request of its own in Redis (bounded); the time it took. */
async function untilBothCountInRedis(): Promise<number> {
  const started = Date.now();
  for (const server of servers) {
    for (;;) {
      const ip = nextIp();
      const answer = await configFrom(server, ip);
      if (answer.kind === "answer" && answer.status === 200 && (await counterInRedis(ip)) === 1) break;
      if (Date.now() - started > RECONNECT_BOUND_MS) throw new Error(`${server.baseUrl} did not count in Redis within ${RECONNECT_BOUND_MS} ms`);
      await sleep(200);
    }
  }
  return Date.now() - started;
}

/** LIMIT requests from one address spread over both servers, then one more to each: labels in order. */
async function spreadOverBoth(ip: string): Promise<string[]> {
  const labels: string[] = [];
  for (let i = 0; i < LIMIT + 2; i++) labels.push(label(await configFrom(servers[i % 2]!, ip)));
  return labels;
}

beforeAll(async () => {
  database = await startRestartablePostgres();
  teardown.add("postgres", () => database.destroy());
  verifyPool = new pg.Pool({ connectionString: database.url, max: 2 });
  teardown.add("verify pool", () => verifyPool.end());
  slug = (await createFaultWaitlist(verifyPool, "fault-redis")).slug;
  redis = await startTestRedis();
  teardown.add("redis", () => redis.destroy());
  observer = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  observer.on("error", () => undefined);
  teardown.add("observer", async () => observer.disconnect());
  const siteverify = await startFakeSiteverify({ secret: FAULT_TURNSTILE.secretKey });
  teardown.add("siteverify", () => siteverify.close());
  for (const name of ["redis-outage-a", "redis-outage-b"]) {
    const server = await startFaultServer({
      name,
      databaseUrl: database.url,
      siteverifyUrl: siteverify.url,
      env: { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: String(LIMIT) },
    });
    teardown.add(name, () => server.stop());
    servers.push(server);
  }
}, 180_000);

afterAll(async () => {
  writeFigures("redis-outage", figures);
  await teardown.run();
  servers = [];
}, 60_000);

describe("Redis stopped and started again while REDIS_URL is set", () => {
  it("with Redis up, two servers share one limit counted in Redis", async () => {
    figures.firstCountedInRedisAfterMs = await untilBothCountInRedis();
    const ip = nextIp();
    const labels = await spreadOverBoth(ip);
    figures.sharedLimitBefore = labels;
    expect(labels).toEqual([...Array<string>(LIMIT).fill("200 ok"), "429 rate_limited", "429 rate_limited"]);
    // Every request of both servers, refused ones included, was counted there.
    expect(await counterInRedis(ip)).toBe(LIMIT + 2);
  });

  it("with Redis stopped, signups go on and each server limits in its own memory", async () => {
    await redis.stop();
    const signups = [];
    for (let i = 0; i < 10; i++) {
      const email = `redis-down-${i}-${Date.now()}@example.com`;
      const answer = await postSignup(servers[i % 2]!.baseUrl, slug, { email, turnstile: `pass-redis-down-${i}-${Date.now()}` }, {
        ip: nextIp(),
        timeoutMs: REQUEST_BOUND_MS,
      });
      signups.push({ email, label: label(answer) });
    }
    figures.signupsWhileRedisDown = tally(signups.map((s) => s.label));
    expect(signups.map((s) => s.label)).toEqual(Array<string>(10).fill("200 ok"));
    const { rows } = await verifyPool.query<{ email: string }>(`SELECT email FROM signups WHERE email = ANY($1)`, [
      signups.map((s) => s.email),
    ]);
    expect(rows.map((r) => r.email).sort()).toEqual(signups.map((s) => s.email).sort());

    // Still a limit, but no longer shared: one address gets LIMIT on each server.
    const [a, b] = servers;
    const ip = nextIp();
    const onA: string[] = [];
    for (let i = 0; i <= LIMIT; i++) onA.push(label(await configFrom(a!, ip)));
    const onB = label(await configFrom(b!, ip));
    figures.limitWhileRedisDown = { onA, onB };
    expect(onA).toEqual([...Array<string>(LIMIT).fill("200 ok"), "429 rate_limited"]);
    expect(onB).toBe("200 ok");
  });

  it("with Redis back on the same port, both servers count in it again and the limit is shared again", async () => {
    await redis.start();
    figures.countedInRedisAgainAfterMs = await untilBothCountInRedis();
    const ip = nextIp();
    const labels = await spreadOverBoth(ip);
    figures.sharedLimitAfter = labels;
    expect(labels).toEqual([...Array<string>(LIMIT).fill("200 ok"), "429 rate_limited", "429 rate_limited"]);
    expect(await counterInRedis(ip)).toBe(LIMIT + 2);
  });
});
