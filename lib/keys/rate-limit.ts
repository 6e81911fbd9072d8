import "server-only";
import { createRateLimiter, type RateLimiter } from "@/lib/abuse/rate-limit";
import { env } from "@/lib/env";

// Requests a minute per owner API key (OWNER_KEY_RATE_LIMIT), counted in Redis when REDIS_URL is set so every
// app instance shares one count, like the public per-IP limit. The dashboard's session is not limited here.

const holder = globalThis as typeof globalThis & { __waitforgeKeyLimiter?: RateLimiter };

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
}
