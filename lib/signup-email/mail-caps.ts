import "server-only";
import { canonicalMailbox } from "@/lib/signups/mailbox";
import { createHash } from "node:crypto";
import { createRateLimiter, type RateLimiter } from "@/lib/abuse/rate-limit";
import { env } from "@/lib/env";

// Emails that anyone can make us send to an address they type (double opt-in confirmations, "email me my
// link") would let a stranger use us to mail someone else. Every such email spends one allowance here first:
// at most 3 a day per recipient address (across every waitlist, since the abuse is of the inbox), and
// SIGNUP_MAILS_PER_IP_PER_HOUR per client IP. Counted in Redis when REDIS_URL is set, so all instances count
// together. Addresses are hashed before they become keys: the limiter's store holds no email address.

export const SIGNUP_MAILS_PER_RECIPIENT_PER_DAY = 3;
const DAY = 24 * 60 * 60;
const HOUR = 60 * 60;

export type MailCapDecision = { allowed: true } | { allowed: false; scope: "recipient" | "ip"; resetSeconds: number };

type Limiters = { recipient: RateLimiter; ip: RateLimiter; connected: Promise<unknown> };
const holder = globalThis as typeof globalThis & { __waitforgeSignupMailCaps?: Limiters };

function limiters(): Limiters {
  if (!holder.__waitforgeSignupMailCaps) {
    const { REDIS_URL: redisUrl, SIGNUP_MAILS_PER_IP_PER_HOUR: perIp } = env();
    holder.__waitforgeSignupMailCaps = {
      recipient: createRateLimiter({
        points: SIGNUP_MAILS_PER_RECIPIENT_PER_DAY,
        durationSeconds: DAY,
        redisUrl,
        keyPrefix: "wf:rl:signup-mail:to",
      }),
      ip: createRateLimiter({ points: perIp, durationSeconds: HOUR, redisUrl, keyPrefix: "wf:rl:signup-mail:ip" }),
      connected: Promise.resolve(),
    };
    // Counts taken while Redis is still connecting go to the in-memory insurance and would be forgotten once it
    // answers: the first caller waits (at most 2 s, once per process) for the shared store instead.
    const l = holder.__waitforgeSignupMailCaps;
    l.connected = Promise.all([l.recipient.ready(), l.ip.ready()]);
  }
  return holder.__waitforgeSignupMailCaps;
}

function recipientKey(email: string): string {
  // Per mailbox: ann+1@, ann+2@ … are one inbox, so they share one allowance.
  return createHash("sha256").update(canonicalMailbox(email.trim())).digest("base64url");
}

/**
 * Spends one public-triggered email to `email` from `ip`. The IP is counted first, so a flood from one
 * address cannot use up a stranger's daily allowance once its own is gone.
 */
export async function consumeSignupMailCap(email: string, ip: string): Promise<MailCapDecision> {
  const l = limiters();
  await l.connected;
  const byIp = await l.ip.consume(ip);
  if (!byIp.allowed) return { allowed: false, scope: "ip", resetSeconds: byIp.resetSeconds };
  return consumeRecipientMailCap(email);
}

/**
 * Spends one email to `email` from a caller with no client IP of its own (the product API's new members): the
 * per-mailbox allowance only, so a join/leave loop cannot mail one inbox without end.
 */
export async function consumeRecipientMailCap(email: string): Promise<MailCapDecision> {
  const l = limiters();
  await l.connected;
  const byRecipient = await l.recipient.consume(recipientKey(email));
  if (!byRecipient.allowed) return { allowed: false, scope: "recipient", resetSeconds: byRecipient.resetSeconds };
  return { allowed: true };
}

/** Tests switch configuration between cases. */
export async function resetSignupMailCaps(): Promise<void> {
  const l = holder.__waitforgeSignupMailCaps;
  holder.__waitforgeSignupMailCaps = undefined;
  await Promise.all([l?.recipient.close(), l?.ip.close()]);
}
