import "server-only";
import { createRateLimiter, type RateLimiter } from "@/lib/abuse/rate-limit";
import { env } from "@/lib/env";

// Each sign-in request sends an email: without a limit the form is a free way to flood someone's inbox (and
// spend our Resend quota). Counted per address, whether or not it has an account, so the limit leaks nothing.

export const MAGIC_LINKS_PER_MINUTE = 3;

const holder = globalThis as typeof globalThis & { __waitforgeMagicLinkLimiter?: RateLimiter };

export function magicLinkLimiter(): RateLimiter {
  holder.__waitforgeMagicLinkLimiter ??= createRateLimiter({
    points: MAGIC_LINKS_PER_MINUTE,
    redisUrl: env().REDIS_URL,
    keyPrefix: "wf:rl:magic-link",
  });
  return holder.__waitforgeMagicLinkLimiter;
}
