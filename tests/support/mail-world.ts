import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import { closeDb, pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { jobs, stopJobs } from "@/lib/jobs/boss";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { createSignup } from "@/lib/signups/mutations";
import { startFakeResend, type CapturedEmail, type FakeResend } from "@/tests/support/fake-resend";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";

// The scene of the signup-email tests: the real worker and pg-boss on the run's database, the real Resend SDK
// against the local fake, and fast retries. Each test file gets its own pg-boss schema, so its workers see
// only its own jobs (other files' signups queue welcome jobs too, into the default schema).

export const APP = "https://waitlist.example";
export const FROM_ADDRESS = "hello@waitforge.test";

export type MailWorld = Awaited<ReturnType<typeof startMailWorld>>;

export async function startMailWorld() {
  const saved = { ...process.env };
  const resend: FakeResend = await startFakeResend();
  const schema = `pgboss_t${randomBytes(4).toString("hex")}`;
  process.env = {
    ...saved,
    APP_URL: APP,
    EMAIL_FROM: `WaitForge <${FROM_ADDRESS}>`,
    RESEND_API_KEY: "re_test",
    EMAIL_TRANSPORT: "resend",
    RESEND_BASE_URL: resend.url,
    TURNSTILE_MODE: "off",
    JOB_SCHEMA: schema,
    JOB_RETRY_DELAY_SECONDS: "1",
    JOB_RETRY_LIMIT: "6",
    LOG_LEVEL: "silent",
    // No periodic digest sweep: another file's worker would sweep this file's lists (digest.test.ts sweeps itself).
    DIGEST_SWEEP_SECONDS: "0",
    // Nor webhook dispatching: lib/webhooks/webhooks.test.ts drives its own dispatcher with its own clock.
    WEBHOOK_DISPATCH_SECONDS: "0",
  };
  resetEnvCache();
  const workers: Worker[] = [];

  return {
    resend,
    schema,
    async worker(): Promise<Worker> {
      const w = await startWorker({ pollingIntervalSeconds: 0.5 });
      workers.push(w);
      return w;
    },
    async stopWorkers(): Promise<void> {
      await Promise.all(workers.splice(0).map((w) => w.stop({ timeoutMs: 1000 })));
    },
    /** A new signup on a new waitlist (or the given one), through the real signup statement. */
    async signup(options: { waitlistId?: string; email?: string; name?: string } = {}) {
      const waitlistId = options.waitlistId ?? (await createWaitlist({ title: "Rocket Club" })).id;
      const email = options.email ?? uniqueEmail("fan");
      const result = await createSignup({ waitlistId, email, name: options.name ?? null });
      if (result.kind !== "created") throw new Error(`signup fixture: ${result.kind}`);
      return { ...result, email, waitlistId };
    },
    messagesTo(email: string): CapturedEmail[] {
      return resend.messages.filter((m) => m.to.includes(email));
    },
    /** Empties this file's queue, so the next test's workers see only its own jobs. */
    async clearQueue(): Promise<void> {
      await jobs();
      await pool().query(`DELETE FROM ${schema}.job`);
    },
    /** The welcome job of a signup as pg-boss keeps it. */
    async jobOf(signupId: string) {
      const { rows } = await pool().query<{ state: string; retry_count: number; singleton_key: string | null }>(
        `SELECT state, retry_count, singleton_key FROM ${schema}.job WHERE name = 'signup-welcome' AND data->>'signupId' = $1`,
        [signupId],
      );
      return rows;
    },
    async close(): Promise<void> {
      await Promise.all(workers.splice(0).map((w) => w.abandon()));
      await stopJobs();
      resend.release({ drop: true });
      await pool().query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await closeDb();
      await resend.close();
      process.env = saved;
      resetEnvCache();
    },
  };
}

/**
 * A test file's mail world: started before its tests, its workers stopped after each, closed at the end.
 * `ready` hands the world to the file (its tests run only after that).
 */
export function withMailWorld(ready: (world: MailWorld) => void): void {
  let world: MailWorld | undefined;
  beforeAll(async () => {
    world = await startMailWorld();
    ready(world);
  });
  afterEach(async () => {
    await world?.stopWorkers();
  });
  afterAll(async () => {
    await world?.close();
  });
}
