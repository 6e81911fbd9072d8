import "server-only";
import { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// The public API's per-IP limit (120 requests a minute by contract), shared by every public endpoint.
// In memory by default; in Redis when REDIS_URL is set so that all app instances count together. If Redis
// stops answering (or has not connected yet), the in-memory count takes over rather than letting every request
// through or failing all.
//
// The in-memory count is a bounded LRU of numbers (lru-cache), not rate-limiter-flexible's memory store: that
// store keeps an object and a timer per key for the whole window, and a launch-day crowd (a new address per
// request) kept ~50,000 of them alive per minute, for V8 to copy through its young generation on its
// collections (docs/capacity.md), with no bound but the window. Here an address costs one map entry and its
// number; at MEMORY_KEYS addresses the least recently seen is forgotten (it starts afresh).

export const RATE_LIMIT_WINDOW_SECONDS = 60;

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
};

export type RateLimiterOptions = {
  points: number;
  redisUrl?: string;
  keyPrefix?: string;
  /** The window; default RATE_LIMIT_WINDOW_SECONDS. */
  durationSeconds?: number;
  /** Keys the in-memory count holds at most; default MEMORY_KEYS. */
  memoryKeys?: number;
};

export const MEMORY_KEYS = 200_000;

export type RateLimiter = {
  consume(key: string): RateLimitDecision | Promise<RateLimitDecision>;
  /** Resolves once the store is connected (at once in memory); until then the in-memory insurance counts. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
};

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const duration = options.durationSeconds ?? RATE_LIMIT_WINDOW_SECONDS;
  const memory = memoryCounter(options.points, duration * 1000, options.memoryKeys ?? MEMORY_KEYS);
  let redis: Redis | undefined;
  let limiter: RateLimiterRedis | undefined;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    redis.on("error", (e: Error) => logger.warn("rate limiter: redis error", e));
    limiter = new RateLimiterRedis({ points: options.points, duration, keyPrefix: options.keyPrefix ?? "wf:rl", storeClient: redis });
  }

  return {
    // In memory the answer is there at once: no promise (the public routes check it on every request).
    consume(key) {
      if (!limiter) return memory(key);
      return limiter.consume(key, 1).then(
        (res) => decision(true, options.points, res),
        (rejection: unknown) =>
          // Redis is down or not connected yet: count here until it answers again.
          rejection instanceof RateLimiterRes ? decision(false, options.points, rejection) : memory(key),
      );
    },
    async ready(timeoutMs = 2000) {
      const client = redis;
      if (!client || client.status === "ready") return true;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        client.once("ready", () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    async close() {
      redis?.disconnect();
    },
  };
}

/** A fixed window per key from its first request, as rate-limiter-flexible counts. */
function memoryCounter(points: number, windowMs: number, maxKeys: number): (key: string) => RateLimitDecision {
  const counts = new LRUCache<string, number>({ max: maxKeys, ttl: windowMs, ttlAutopurge: false });
  return (key) => {
    const used = (counts.get(key) ?? 0) + 1;
    // The window starts with the first request; later ones count without moving it.
    counts.set(key, used, { noUpdateTTL: used > 1 });
    const msLeft = counts.getRemainingTTL(key);
    return {
      allowed: used <= points,
      limit: points,
      remaining: Math.max(0, points - used),
      resetSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
    };
  };
}

function decision(allowed: boolean, limit: number, res: RateLimiterRes): RateLimitDecision {
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

export function rateLimitHeaders(d: RateLimitDecision): Record<string, string> {
  return {
    "RateLimit-Limit": String(d.limit),
    "RateLimit-Remaining": String(d.remaining),
    "RateLimit-Reset": String(d.resetSeconds),
    "RateLimit-Policy": `${d.limit};w=${RATE_LIMIT_WINDOW_SECONDS}`,
  };
}

const holder = globalThis as typeof globalThis & { __waitforgePublicLimiter?: RateLimiter };

export function publicRateLimiter(): RateLimiter {
  if (!holder.__waitforgePublicLimiter) {
    const e = env();
    holder.__waitforgePublicLimiter = createRateLimiter({
      points: e.RATE_LIMIT_PER_MINUTE,
      redisUrl: e.REDIS_URL,
      keyPrefix: "wf:rl:public",
    });
  }
  return holder.__waitforgePublicLimiter;
}

/** Tests switch configuration between cases. */
export async function resetPublicRateLimiter(): Promise<void> {
  await holder.__waitforgePublicLimiter?.close();
  holder.__waitforgePublicLimiter = undefined;
}
