import "server-only";
import { createHash } from "node:crypto";
import { Pool, type Dispatcher } from "undici";
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

  const { origin, path } = siteverifyTarget(e.TURNSTILE_VERIFY_URL);
  const form = body.toString();
  // One deadline for the whole exchange: waiting for a free connection, connecting, the answer and a retry.
  const deadline = new Deadline(e.TURNSTILE_TIMEOUT_MS);
  try {
    const res = await exchange(origin, path, form, deadline).catch((error: unknown) => {
      // A kept-alive connection the server (or a middlebox) closed just as we reused it: the request never got
      // an answer. Asking again, on a fresh connection, is safe: the idempotency key gets the same verdict.
      if (deadline.expired || !isDroppedConnection(error)) throw error;
      return exchange(origin, path, form, deadline);
    });
    if (res.status !== 200) return fail(`http-${res.status}`);
    const data = parseJson(res.body);
    if (!data || typeof data !== "object") return fail("invalid-json");
    const { success, "error-codes": codes, action, hostname } = data as Record<string, unknown>;
    const errorCodes = Array.isArray(codes) ? codes.filter((c): c is string => typeof c === "string") : [];
    if (success === true) {
      return { ok: true, action: typeof action === "string" ? action : "", hostname: typeof hostname === "string" ? hostname : "" };
    }
    return { ok: false, reason: errorCodes[0] ?? "unsuccessful", errorCodes };
  } catch (error) {
    const timeout = deadline.expired;
    logger.warn(`turnstile siteverify ${timeout ? "timed out" : "failed"}`, error);
    return fail(timeout ? "timeout" : "network-error");
  } finally {
    deadline.clear();
  }
}

let target: { url: string; origin: string; path: string } | null = null;

/** The configured URL, parsed once rather than on every signup. */
function siteverifyTarget(url: string): { origin: string; path: string } {
  if (target?.url !== url) {
    const parsed = new URL(url);
    target = { url, origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
  }
  return target;
}

/** Far more than siteverify's answer (a few hundred bytes); anything longer is not one. */
const MAX_ANSWER_BYTES = 64 * 1024;
const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded" };

class SiteverifyTimeout extends Error {
  constructor() {
    super("siteverify did not answer in time");
  }
}

/** One timer for a call's exchanges; on expiry it aborts the exchange in flight. */
class Deadline {
  expired = false;
  private abortCurrent: (() => void) | null = null;
  private readonly timer: NodeJS.Timeout;
  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.abortCurrent?.();
    }, ms);
  }
  watch(abort: () => void): void {
    this.abortCurrent = abort;
  }
  clear(): void {
    clearTimeout(this.timer);
  }
}

// undici's lowest-level call (Pool.dispatch with a handler) rather than `request()`: a signup waits on this
// under launch-day load, and request()'s response stream, its body mixin and an AbortSignal per call showed in
// the signup's CPU profile as work and objects kept alive while it waited (docs/capacity.md).
function exchange(origin: string, path: string, body: string, deadline: Deadline): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    let controller: Dispatcher.DispatchController | null = null;
    let status = 0;
    let size = 0;
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve({ status, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
    };
    deadline.watch(() => {
      const timeout = new SiteverifyTimeout();
      controller?.abort(timeout);
      finish(timeout);
    });
    try {
      siteverifyPool(origin).dispatch(
        { path, method: "POST", headers: FORM_HEADERS, body },
        {
          onRequestStart(c) {
            controller = c;
            // Its turn came after the deadline (it waited for a free connection): never send it.
            if (deadline.expired) c.abort(new SiteverifyTimeout());
          },
          onResponseStart(_c, statusCode) {
            status = statusCode;
          },
          onResponseData(c, chunk) {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) c.abort(new Error("siteverify answered more than it ever does"));
            else chunks.push(chunk);
          },
          onResponseEnd() {
            finish(null);
          },
          onResponseError(_c, error) {
            finish(error);
          },
        },
      );
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
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
