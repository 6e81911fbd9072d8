import "server-only";
import { clientIpOf } from "@/lib/abuse/client-ip";
import { createRateLimiter, type RateLimiter } from "@/lib/abuse/rate-limit";
import { env } from "@/lib/env";

// Each sign-in request sends an email: without limits the sign-in form, or Auth.js's own
// POST /api/auth/signin/email, is a free way to flood someone's inbox and spend our Resend quota. The limits
// live in the send itself (auth.ts calls this from sendVerificationRequest), so every path to an email counts.
// Per address (whether or not it has an account, so the limit leaks nothing), per client IP
// (SIGN_IN_LINKS_PER_IP_PER_MINUTE, 10 by default: an office behind one address signs in a few people), and
// globally.

export const MAGIC_LINKS_PER_MINUTE = 3;
export const MAGIC_LINKS_GLOBAL_PER_MINUTE = 300;

/** Thrown from the send; the sign-in action turns it into an inline message, Auth.js's route into ?error=. */
export class MagicLinkLimitError extends Error {
  constructor(
    readonly scope: "address" | "ip" | "global",
    readonly resetSeconds: number,
  ) {
    super(`magic link limit reached (${scope})`);
    this.name = "MagicLinkLimitError";
  }
}

type Limiters = { address: RateLimiter; ip: RateLimiter; global: RateLimiter };
const holder = globalThis as typeof globalThis & { __waitforgeMagicLinkLimiters?: Limiters };

function limiters(): Limiters {
  if (!holder.__waitforgeMagicLinkLimiters) {
    const { REDIS_URL: redisUrl, SIGN_IN_LINKS_PER_IP_PER_MINUTE: perIp } = env();
    const make = (points: number, scope: string) =>
      createRateLimiter({ points, redisUrl, keyPrefix: `wf:rl:magic-link:${scope}` });
    holder.__waitforgeMagicLinkLimiters = {
      address: make(MAGIC_LINKS_PER_MINUTE, "address"),
      ip: make(perIp, "ip"),
      global: make(MAGIC_LINKS_GLOBAL_PER_MINUTE, "global"),
    };
  }
  return holder.__waitforgeMagicLinkLimiters;
}

/** Spends one send for this address and client; throws MagicLinkLimitError when any limit is reached. */
export async function consumeMagicLinkAllowance(email: string, headers: Headers | undefined): Promise<void> {
  const l = limiters();
  const checks: Array<[MagicLinkLimitError["scope"], RateLimiter, string]> = [
    ["global", l.global, "all"],
    ["ip", l.ip, headers ? clientIpOf(headers) : "unknown"],
    ["address", l.address, email.toLowerCase()],
  ];
  for (const [scope, limiter, key] of checks) {
    const decision = await limiter.consume(key);
    if (!decision.allowed) throw new MagicLinkLimitError(scope, decision.resetSeconds);
  }
}

/** The limit error anywhere in a cause chain (Auth.js wraps what the send throws). */
export function findMagicLinkLimitError(error: unknown): MagicLinkLimitError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    if (e instanceof MagicLinkLimitError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Resolves once the limiters count in their shared store (at once in memory); tests wait for it. */
export async function magicLinkLimitersReady(): Promise<boolean> {
  const l = limiters();
  const ready = await Promise.all([l.address.ready(), l.ip.ready(), l.global.ready()]);
  return ready.every(Boolean);
}

/** Tests switch configuration between cases. */
export async function resetMagicLinkLimiters(): Promise<void> {
  const l = holder.__waitforgeMagicLinkLimiters;
  holder.__waitforgeMagicLinkLimiters = undefined;
  await Promise.all([l?.address.close(), l?.ip.close(), l?.global.close()]);
}
