import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLOW_TOKEN_DELAY_MS, startFakeSiteverify, type FakeSiteverify } from "@/tests/support/fake-siteverify";
import {
  createFaultWaitlist,
  FAULT_TURNSTILE,
  startFaultServer,
  Teardown,
  writeFigures,
  type FaultServer,
} from "@/tests/support/fault-stack";
import { documentedError, label, postSignup, tally } from "@/tests/support/http-answer";
import { startRestartablePostgres, type RestartablePostgres } from "@/tests/support/restartable-postgres";

// Cloudflare's siteverify misbehaving, against the production server: too slow, HTTP 500, an HTML page, a
// dropped connection. Turnstile fails closed: every signup is refused with the documented 403 within the
// configured timeout (plus a margin; a liveness bound, not a speed assertion) and nothing is stored.

const TURNSTILE_TIMEOUT_MS = 1500;
const ANSWER_BOUND_MS = TURNSTILE_TIMEOUT_MS + 2000;
const PER_MODE = 4;

const MODES = [
  ["answering after the timeout", "slow"],
  ["answering HTTP 500", "500"],
  ["answering an HTML page", "notjson"],
  ["dropping the connection", "reset"],
] as const;

const teardown = new Teardown();
const runId = randomBytes(4).toString("hex");
let database: RestartablePostgres;
let siteverify: FakeSiteverify;
let server: FaultServer;
let verifyPool: pg.Pool;
let waitlist: { id: string; slug: string };
let ipCounter = 0;
const figures: Record<string, unknown> = {};

function signup(email: string, token: string) {
  ipCounter += 1;
  return postSignup(server.baseUrl, waitlist.slug, { email, turnstile: token }, {
    ip: `198.51.100.${ipCounter}`,
    timeoutMs: ANSWER_BOUND_MS,
  });
}

async function stored(emails: string[]): Promise<string[]> {
  const { rows } = await verifyPool.query<{ email: string }>(
    `SELECT email FROM signups WHERE waitlist_id = $1 AND email = ANY($2)`,
    [waitlist.id, emails],
  );
  return rows.map((r) => r.email);
}

async function signupCount(): Promise<number> {
  const { rows } = await verifyPool.query<{ signup_count: number }>(`SELECT signup_count FROM waitlists WHERE id = $1`, [waitlist.id]);
  return rows[0]?.signup_count ?? -1;
}

beforeAll(async () => {
  expect(SLOW_TOKEN_DELAY_MS).toBeGreaterThan(ANSWER_BOUND_MS);
  database = await startRestartablePostgres();
  teardown.add("postgres", () => database.destroy());
  verifyPool = new pg.Pool({ connectionString: database.url, max: 2 });
  // An idle client told to terminate while the database is torn down is expected, not a failure: without a
  // listener the pool would rethrow it as an uncaught exception (it did, once in CI).
  verifyPool.on("error", () => undefined);
  teardown.add("verify pool", () => verifyPool.end());
  waitlist = await createFaultWaitlist(verifyPool, "fault-turnstile");
  siteverify = await startFakeSiteverify({ secret: FAULT_TURNSTILE.secretKey });
  teardown.add("siteverify", () => siteverify.close());
  server = await startFaultServer({
    name: "siteverify-faults",
    databaseUrl: database.url,
    siteverifyUrl: siteverify.url,
    env: { TURNSTILE_TIMEOUT_MS: String(TURNSTILE_TIMEOUT_MS) },
  });
  teardown.add("server", () => server.stop());
}, 180_000);

afterAll(async () => {
  writeFigures("siteverify-faults", figures);
  await teardown.run();
}, 60_000);

describe("siteverify slow, failing or answering HTML", () => {
  it("accepts a signup whose token siteverify confirms (the same server and list, for contrast)", async () => {
    const email = `control-before-${runId}@example.com`;
    expect(label(await signup(email, `pass-${runId}-before`))).toBe("200 ok");
    expect(await stored([email])).toEqual([email]);
  });

  it.each(MODES)("siteverify %s: every signup is refused with 403 turnstile_failed in time and nothing is stored", async (_, mode) => {
    const countBefore = await signupCount();
    const attempts = Array.from({ length: PER_MODE }, (__, i) => ({
      email: `${mode}-${i}-${runId}@example.com`,
      token: `${mode}-${runId}-${i}`,
    }));
    const answers = await Promise.all(attempts.map((a) => signup(a.email, a.token)));
    figures[mode] = { answers: tally(answers.map(label)), slowestAnswerMs: Math.max(...answers.map((a) => a.ms)) };

    for (const answer of answers) {
      expect(label(answer)).toBe("403 turnstile_failed");
      expect(documentedError(answer)?.error.field).toBe("turnstile");
    }
    // The server did ask siteverify for each token: the refusal is siteverify's failure, not an early exit.
    const asked = new Set(siteverify.requests.map((r) => r.response));
    for (const a of attempts) expect(asked.has(a.token), `siteverify never saw ${a.token}`).toBe(true);
    expect(await stored(attempts.map((a) => a.email))).toEqual([]);
    expect(await signupCount()).toBe(countBefore);
  });

  it("still accepts signups once siteverify answers again", async () => {
    const email = `control-after-${runId}@example.com`;
    expect(label(await signup(email, `pass-${runId}-after`))).toBe("200 ok");
    expect(await stored([email])).toEqual([email]);
  });
});
