import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// The public API's per-IP limit (120 requests a minute by contract), shared by every public endpoint.
// In memory by default; in Redis when REDIS_URL is set so that all app instances count together. If Redis
// stops answering, an in-memory limiter takes over rather than letting every request through or failing all.

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
};

export type RateLimiter = {
  consume(key: string): Promise<RateLimitDecision>;
  /** Resolves once the store is connected (at once in memory); until then the in-memory insurance counts. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
};

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const duration = options.durationSeconds ?? RATE_LIMIT_WINDOW_SECONDS;
  const base = { points: options.points, duration, keyPrefix: options.keyPrefix ?? "wf:rl" };
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    redis.on("error", (e: Error) => logger.warn("rate limiter: redis error", e));
    limiter = new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: new RateLimiterMemory(base) });
  } else {
    limiter = new RateLimiterMemory(base);
  }

  return {
    async consume(key) {
      try {
        const res = await limiter.consume(key, 1);
        return decision(true, options.points, res);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decision(false, options.points, rejection);
        // A store failure with no insurance left: let the request through; the limit is a shield, not a gate.
        logger.error("rate limiter failed", rejection);
        return { allowed: true, limit: options.points, remaining: options.points, resetSeconds: duration };
      }
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
