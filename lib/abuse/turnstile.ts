import "server-only";
import { createHash } from "node:crypto";
import { Pool } from "undici";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// Server-side Turnstile verification. It fails closed: anything but a clear `success: true` from siteverify
// (no secret, timeout, network error, non-200, non-JSON) refuses the signup.
//
// Every signup asks siteverify, so the call goes over a keep-alive connection pool (undici's Pool, one per
// siteverify origin), not a `fetch` per call: no TLS handshake and no per-call client set-up on the hot path.

/** On success, where the captcha was solved as Cloudflare saw it (empty when Turnstile is off). */
export type TurnstileVerdict =
  | { ok: true; action: string; hostname: string }
  | { ok: false; reason: string; errorCodes: string[] };

export const TURNSTILE_TOKEN_MAX_LENGTH = 2048;

let warnedOff = false;

/**
 * `retryScope` names the action the token is spent on (waitlist + email): the same token retried for the same
 * signup gets Cloudflare's earlier verdict back, while the same token for another email is a duplicate.
 */
export async function verifyTurnstile(
  token: string | undefined,
  remoteIp: string,
  retryScope: string,
): Promise<TurnstileVerdict> {
  const e = env();
  if (e.turnstileMode === "off") {
    if (!warnedOff) {
      logger.warn("TURNSTILE_MODE=off: signups are NOT checked for bots (development only)");
      warnedOff = true;
    }
    return { ok: true, action: "", hostname: "" };
  }
  if (!e.TURNSTILE_SECRET_KEY) {
    logger.error("TURNSTILE_SECRET_KEY is not set: refusing signups (Turnstile fails closed)");
    return fail("not-configured");
  }
  if (!token) return fail("missing-input-response");
  if (token.length > TURNSTILE_TOKEN_MAX_LENGTH) return fail("invalid-input-response");

  const body = new URLSearchParams({
    secret: e.TURNSTILE_SECRET_KEY,
    response: token,
    remoteip: remoteIp,
    // Derived from the token and the signup so that retrying the same signup (after a 500) gets the same
    // verdict back from Cloudflare instead of `timeout-or-duplicate`.
    idempotency_key: idempotencyKey(`${retryScope}\n${token}`),
  });

  const url = new URL(e.TURNSTILE_VERIFY_URL);
  // One deadline for the whole exchange, connection and body included.
  const signal = AbortSignal.timeout(e.TURNSTILE_TIMEOUT_MS);
  try {
    const res = await requestOnce(url, body.toString(), signal).catch((error: unknown) => {
      // A kept-alive connection the server (or a middlebox) closed just as we reused it: the request never got
      // an answer. Asking again, on a fresh connection, is safe: the idempotency key gets the same verdict.
      if (signal.aborted || !isDroppedConnection(error)) throw error;
      return requestOnce(url, body.toString(), signal);
    });
    if (res.statusCode !== 200) {
      await res.body.dump().catch(() => undefined);
      return fail(`http-${res.statusCode}`);
    }
    const data: unknown = await res.body.json().catch(() => (signal.aborted ? Promise.reject(signal.reason) : null));
    if (!data || typeof data !== "object") return fail("invalid-json");
    const { success, "error-codes": codes, action, hostname } = data as Record<string, unknown>;
    const errorCodes = Array.isArray(codes) ? codes.filter((c): c is string => typeof c === "string") : [];
    if (success === true) {
      return { ok: true, action: typeof action === "string" ? action : "", hostname: typeof hostname === "string" ? hostname : "" };
    }
    return { ok: false, reason: errorCodes[0] ?? "unsuccessful", errorCodes };
  } catch (error) {
    const timeout = signal.aborted;
    logger.warn(`turnstile siteverify ${timeout ? "timed out" : "failed"}`, error);
    return fail(timeout ? "timeout" : "network-error");
  }
}

function requestOnce(url: URL, body: string, signal: AbortSignal) {
  return siteverifyPool(url.origin).request({
    path: `${url.pathname}${url.search}`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
    signal,
  });
}

const DROPPED_CONNECTION_CODES = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE", "UND_ERR_CLOSED"]);

/** The connection went away under the request ("other side closed"), as opposed to a refusal or a timeout. */
function isDroppedConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && DROPPED_CONNECTION_CODES.has(code);
}

const pools = new Map<string, Pool>();

function siteverifyPool(origin: string): Pool {
  let pool = pools.get(origin);
  // undici closes a connection whose server-announced keep-alive is within the threshold of ending (default
  // 2 s, which would close every connection to a server announcing 1 s); half a second is margin enough.
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: 128, keepAliveTimeout: 30_000, keepAliveTimeoutThreshold: 500 })));
  return pool;
}

function fail(reason: string): TurnstileVerdict {
  return { ok: false, reason, errorCodes: [reason] };
}

/** A UUID-shaped key from the token: Cloudflare expects a UUID. */
export function idempotencyKey(seed: string): string {
  const h = createHash("sha256").update(`wf-turnstile:${seed}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
