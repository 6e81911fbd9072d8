import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSiteverify } from "@/tests/support/fake-siteverify";
import {
  createFaultWaitlist,
  FAULT_TURNSTILE,
  startFaultServer,
  Teardown,
  writeFigures,
  type FaultServer,
} from "@/tests/support/fault-stack";
import { call, label, tally } from "@/tests/support/http-answer";
import { acknowledgementProblems, lineProblems, readLine, type LineRow } from "@/tests/support/line-integrity";
import { startRestartablePostgres, type RestartablePostgres } from "@/tests/support/restartable-postgres";
import { createSignupLoad, type LoadSignup, type SignupLoad } from "@/tests/support/signup-load";

// PostgreSQL taken away three times in the middle of a signup load on the production server: a fast shutdown
// (connections terminated, open transactions rolled back), a freeze (SIGSTOP: connections stay open and nothing
// answers, as with a hung or partitioned server), and an immediate shutdown (no checkpoint: the restart replays
// the WAL, so only what was durably committed survives). Then: every signup that was answered 200 is in the
// database as answered, the line is gapless, every refusal was the documented JSON 500 and came within a bound,
// and the service came back by itself each time.

const SIGNUPS = 1200;
const CONCURRENCY = 24;
const DOWN_MS = 2000;
const FROZEN_PROBES = 3;
/**
 * Liveness bounds, not speed assertions: an answer, and recovery, must come at all. A frozen database is
 * answered for within lib/db.ts's bounds (5 s for a connection, 10 s for a statement), well inside this one.
 */
const REQUEST_BOUND_MS = 20_000;
const RECOVERY_BOUND_MS = 30_000;

const KINDS = ["fast shutdown", "freeze (SIGSTOP)", "immediate shutdown (crash)"] as const;

type Outage = {
  kind: (typeof KINDS)[number];
  acknowledgedBefore: number;
  loadInFlight: boolean;
  healthWhileDown: string[];
  /** Fresh signups sent while frozen: each must be answered (refused) before the database comes back. */
  signupsWhileFrozen: string[];
  frozenAnsweredWithinMs?: number;
  healthWhileRecovering: string[];
  recoveredAfterMs?: number;
};

const teardown = new Teardown();
let database: RestartablePostgres;
let server: FaultServer;
let load: SignupLoad;
let waitlistId = "";
let rows: LineRow[] = [];
let verifyPool: pg.Pool;
const outages: Outage[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function health(): Promise<string> {
  return label(await call(`${server.baseUrl}/api/health`, { timeoutMs: REQUEST_BOUND_MS }));
}

async function outage(kind: Outage["kind"], loadDone: () => boolean): Promise<void> {
  const o: Outage = {
    kind,
    acknowledgedBefore: load.acknowledged(),
    loadInFlight: !loadDone(),
    healthWhileDown: [],
    signupsWhileFrozen: [],
    healthWhileRecovering: [],
  };
  outages.push(o);
  const refused: LoadSignup[] = [];
  if (kind === "freeze (SIGSTOP)") {
    await database.freeze();
    // Nothing answers now, yet every request must be answered: health and a few fresh signups, at once.
    refused.push(...Array.from({ length: FROZEN_PROBES }, () => load.newSignup("probe")));
    const [h] = await Promise.all([health(), ...refused.map((p) => load.attempt(p))]);
    o.healthWhileDown.push(h);
    o.signupsWhileFrozen = refused.map((p) => p.attempts.at(-1)?.label ?? "not sent");
    o.frozenAnsweredWithinMs = Math.max(...refused.map((p) => p.attempts.at(-1)?.ms ?? 0));
    database.thaw();
  } else {
    if (kind === "fast shutdown") await database.stop();
    else await database.crash();
    const downUntil = Date.now() + DOWN_MS;
    while (Date.now() < downUntil) {
      o.healthWhileDown.push(await health());
      await sleep(100);
    }
    await database.start();
  }
  // Back: health and a fresh signup must both come right without anyone restarting the app.
  const back = Date.now();
  const probe = load.newSignup("probe");
  while (Date.now() - back < RECOVERY_BOUND_MS) {
    const h = await health();
    o.healthWhileRecovering.push(h);
    if (h === "200 ok" && (await load.attempt(probe))) {
      o.recoveredAfterMs = Date.now() - back;
      break;
    }
    await sleep(200);
  }
  // Signups refused while frozen are retried like everyone else's.
  await Promise.all(refused.map((p) => load.complete(p)));
}

async function waitForAcknowledged(count: number, loadDone: () => boolean): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (load.acknowledged() < count && !loadDone() && Date.now() < deadline) await sleep(20);
}

beforeAll(async () => {
  try {
    database = await startRestartablePostgres();
    teardown.add("postgres", () => database.destroy());
    verifyPool = new pg.Pool({ connectionString: database.url, max: 2 });
    verifyPool.on("error", () => undefined);
    teardown.add("verify pool", () => verifyPool.end());
    const waitlist = await createFaultWaitlist(verifyPool, "fault-pg");
    waitlistId = waitlist.id;
    const siteverify = await startFakeSiteverify({ secret: FAULT_TURNSTILE.secretKey });
    teardown.add("siteverify", () => siteverify.close());
    server = await startFaultServer({
      name: "postgres-restart",
      databaseUrl: database.url,
      siteverifyUrl: siteverify.url,
      // No config cache: every signup also reads its waitlist through Prisma, so that path meets the outage too.
      env: { CONFIG_CACHE_MS: "0" },
    });
    teardown.add("server", () => server.stop());

    load = createSignupLoad({
      baseUrl: server.baseUrl,
      slug: waitlist.slug,
      referralShare: 0.25,
      requestTimeoutMs: REQUEST_BOUND_MS,
      retryPauseMs: 250,
      retryForMs: 90_000,
    });
    let done = false;
    const loadDone = () => done;
    const running = load.run(SIGNUPS, CONCURRENCY).finally(() => (done = true));
    for (const [i, kind] of KINDS.entries()) {
      await waitForAcknowledged((SIGNUPS * (i + 1)) / (KINDS.length + 1), loadDone);
      await outage(kind, loadDone);
    }
    await running;
    rows = await readLine(verifyPool, waitlistId);
  } finally {
    report();
  }
}, 300_000);

afterAll(async () => {
  await teardown.run();
}, 60_000);

function report(): void {
  if (!load) return;
  const attempts = load.signups.flatMap((s) => s.attempts);
  const acknowledged = load.signups.filter((s) => s.acknowledged);
  const emails = new Set(rows.map((r) => r.email));
  const figures = {
    signupsSent: load.signups.length,
    loadSignups: load.signups.filter((s) => s.kind === "load").length,
    recoveryProbes: load.signups.filter((s) => s.kind === "probe").length,
    attempts: attempts.length,
    acknowledged200: acknowledged.length,
    acknowledgedFirstTry: acknowledged.filter((s) => s.attempts.length === 1).length,
    acknowledgedAfterRetry: acknowledged.filter((s) => s.attempts.length > 1).length,
    retriedAndFoundAlreadyWritten: acknowledged.filter((s) => s.acknowledged?.duplicate).length,
    acknowledgedFoundInDb: acknowledged.filter((s) => emails.has(s.email)).length,
    rowsInDb: rows.length,
    gaveUp: load.signups.filter((s) => s.gaveUp).length,
    answersByCode: tally(attempts.map((a) => a.label)),
    outages: outages.map((o) => ({
      kind: o.kind,
      acknowledgedBefore: o.acknowledgedBefore,
      healthWhileDown: tally(o.healthWhileDown),
      ...(o.signupsWhileFrozen.length
        ? { signupsWhileFrozen: tally(o.signupsWhileFrozen), frozenAnsweredWithinMs: o.frozenAnsweredWithinMs }
        : {}),
      recoveredAfterSeconds: o.recoveredAfterMs === undefined ? "NOT WITHIN 30 s" : Number((o.recoveredAfterMs / 1000).toFixed(2)),
    })),
  };
  writeFigures("postgres-restart", figures);
}

describe("PostgreSQL restarted in the middle of a signup load", () => {
  it("took PostgreSQL away three ways while signups were in flight", () => {
    expect(outages.map((o) => o.kind)).toEqual([...KINDS]);
    for (const o of outages) expect(o.loadInFlight, `${o.kind} happened after the load ended`).toBe(true);
  });

  it("answered every refused attempt with the documented JSON 500, never HTML, another shape or a hang", () => {
    const attempts = load.signups.flatMap((s) => s.attempts);
    const refused = attempts.filter((a) => a.label !== "200 ok");
    expect(refused.length, "the outages refused no signup: the fault did not reach the app").toBeGreaterThan(0);
    expect(tally(refused.map((a) => a.label))).toEqual({ "500 internal_error": refused.length });
  });

  it("answered fresh signups while PostgreSQL was frozen (the documented 500) instead of hanging until it thawed", () => {
    const frozen = outages.find((o) => o.kind === "freeze (SIGSTOP)");
    expect(frozen?.signupsWhileFrozen).toEqual(Array<string>(FROZEN_PROBES).fill("500 internal_error"));
  });

  it("answered health with the documented 503 JSON while PostgreSQL was down", () => {
    for (const o of outages) {
      expect(o.healthWhileDown.length).toBeGreaterThan(0);
      expect(o.healthWhileDown).toContain("503 database_unavailable");
      for (const h of [...o.healthWhileDown, ...o.healthWhileRecovering]) expect(["200 ok", "503 database_unavailable"]).toContain(h);
    }
  });

  it("recovered by itself once PostgreSQL was back: health and a new signup OK within 30 s", () => {
    for (const o of outages) expect(o.recoveredAfterMs, `${o.kind}: no recovery within ${RECOVERY_BOUND_MS} ms`).toBeDefined();
  });

  it("kept every signup answered 200, with the ref_code, position and status token it was given", () => {
    expect(load.signups.filter((s) => s.acknowledged).length).toBeGreaterThan(SIGNUPS * 0.9);
    expect(acknowledgementProblems(rows, load.signups)).toEqual([]);
  });

  it("acknowledged every signup refused during an outage once it was retried, exactly once", () => {
    expect(load.signups.filter((s) => !s.acknowledged).map((s) => `${s.email}: ${s.gaveUp}`)).toEqual([]);
    expect(rows.length).toBe(load.signups.length);
  });

  it("left the line gapless: positions 1..N, counters, blocks and referral credits agree with the rows", async () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(await lineProblems(verifyPool, waitlistId, rows)).toEqual([]);
  });
});
