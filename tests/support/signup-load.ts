import { randomBytes } from "node:crypto";
import { label, postSignup } from "@/tests/support/http-answer";

// A bounded signup load on the public API of a running server, as real clients would send it: distinct emails,
// each from its own address, a share of them through the referral link of someone already acknowledged, and a
// signup answered 500 (or not at all) retried with the same body and token after a pause, as the README
// promises is safe. Every attempt and every acknowledgement is kept for the checks afterwards.

export type SignupAttempt = { label: string; status: number; ms: number };

export type LoadSignup = {
  index: number;
  kind: "load" | "probe";
  email: string;
  ip: string;
  token: string;
  /** Referral code of an earlier acknowledged signup this one came through. */
  ref?: string;
  attempts: SignupAttempt[];
  /** The 200 answer, once there is one. */
  acknowledged?: { position: number; ref_code: string; duplicate: boolean; status_token?: string };
  /** The last answer, when it was one that is not retried or the retry budget ran out. */
  gaveUp?: string;
};

export type SignupLoadOptions = {
  baseUrl: string;
  slug: string;
  /** Share of signups that come through a referral link, 0..1. */
  referralShare: number;
  /** Bound on one request: no answer within it is recorded as a hang. */
  requestTimeoutMs: number;
  retryPauseMs: number;
  /** Bound on retrying one signup. */
  retryForMs: number;
};

const isRetryable = (l: string) => l.startsWith("5") || l.startsWith("no answer");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createSignupLoad(options: SignupLoadOptions) {
  const runId = randomBytes(4).toString("hex");
  const signups: LoadSignup[] = [];
  const referrable: string[] = [];
  let acknowledged = 0;

  function newSignup(kind: LoadSignup["kind"]): LoadSignup {
    const index = signups.length;
    const ref =
      referrable.length > 0 && Math.random() < options.referralShare
        ? referrable[Math.floor(Math.random() * referrable.length)]
        : undefined;
    const signup: LoadSignup = {
      index,
      kind,
      email: `${kind}-${index}-${runId}@example.com`,
      // 10.x.y.z, one per signup (TEST-NET ranges are too small for a couple of thousand).
      ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
      token: `pass-${runId}-${index}`,
      ref,
      attempts: [],
    };
    signups.push(signup);
    return signup;
  }

  /** One attempt; true when the signup is acknowledged (now or before). */
  async function attempt(signup: LoadSignup): Promise<boolean> {
    if (signup.acknowledged) return true;
    const body = { email: signup.email, turnstile: signup.token, ...(signup.ref ? { ref: signup.ref } : {}) };
    const answer = await postSignup(options.baseUrl, options.slug, body, {
      ip: signup.ip,
      timeoutMs: options.requestTimeoutMs,
    });
    const l = label(answer);
    signup.attempts.push({ label: l, status: answer.kind === "answer" ? answer.status : 0, ms: answer.ms });
    if (l !== "200 ok" || answer.kind !== "answer") return false;
    const b = answer.body as { position: number; ref_code: string; duplicate?: boolean; status_token?: string };
    signup.acknowledged = { position: b.position, ref_code: b.ref_code, duplicate: b.duplicate === true, status_token: b.status_token };
    acknowledged += 1;
    referrable.push(b.ref_code);
    return true;
  }

  /** Attempts until acknowledged, retrying server errors and missing answers within the retry budget. */
  async function complete(signup: LoadSignup): Promise<void> {
    const deadline = Date.now() + options.retryForMs;
    while (!(await attempt(signup))) {
      const last = signup.attempts.at(-1)?.label ?? "";
      if (!isRetryable(last) || Date.now() > deadline) {
        signup.gaveUp = last;
        return;
      }
      await sleep(options.retryPauseMs);
    }
  }

  /** `total` new signups through `concurrency` clients, each sending its next one when the last is done. */
  async function run(total: number, concurrency: number): Promise<void> {
    let started = 0;
    const client = async () => {
      while (started < total) {
        started += 1;
        await complete(newSignup("load"));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
  }

  return { signups, newSignup, attempt, complete, run, acknowledged: () => acknowledged };
}

export type SignupLoad = ReturnType<typeof createSignupLoad>;
