import "server-only";
import { createRateLimiter, rateLimitHeaders, type RateLimiter } from "@/lib/abuse/rate-limit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Requests a minute per owner API key (OWNER_KEY_RATE_LIMIT), counted in Redis when REDIS_URL is set so every
// app instance shares one count, like the public per-IP limit. The dashboard's session is not limited here.

const holder = globalThis as typeof globalThis & {
  __waitforgeKeyLimiter?: RateLimiter;
  __waitforgeKeyLimiterReady?: Promise<boolean>;
};

export function keyRateLimiter(): RateLimiter {
  if (!holder.__waitforgeKeyLimiter) {
    const e = env();
    holder.__waitforgeKeyLimiter = createRateLimiter({
      points: e.OWNER_KEY_RATE_LIMIT,
      redisUrl: e.REDIS_URL,
      keyPrefix: "wf:rl:key",
    });
  }
  return holder.__waitforgeKeyLimiter;
}

/** Tests switch configuration between cases. */
export async function resetKeyRateLimiter(): Promise<void> {
  await holder.__waitforgeKeyLimiter?.close();
  holder.__waitforgeKeyLimiter = undefined;
  holder.__waitforgeKeyLimiterReady = undefined;
}

/**
 * Counts one request made with this key, for every route a key opens (the owner API and /api/v1): the
 * RateLimit-* headers for the answer, or an AppError rate_limited that carries them with Retry-After.
 */
export async function spendKeyRequest(keyId: string): Promise<Record<string, string>> {
  const limiter = keyRateLimiter();
  // Counts made by the in-memory insurance before Redis connects would be forgotten once it does (a key could
  // get its minute's allowance twice): the first requests wait for the connection (at most 2 s, once).
  holder.__waitforgeKeyLimiterReady ??= limiter.ready(2000);
  await holder.__waitforgeKeyLimiterReady;
  const decision = await limiter.consume(keyId);
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) {
    throw new AppError(
      "rate_limited",
      `Too many requests with this API key: the limit is ${decision.limit} a minute. Try again in ${decision.resetSeconds} s.`,
      undefined,
      { ...headers, "Retry-After": String(decision.resetSeconds) },
    );
  }
  return headers;
}
