import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { redactUrl } from "@/lib/dev/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { startFakeSiteverify, type FakeSiteverify } from "@/tests/support/fake-siteverify";
import { startFakeStripe } from "@/tests/support/fake-stripe";
import { startProductionServer } from "@/tests/support/production-server";
import { runQuiet } from "@/tests/support/run-quiet";
import { ARTIFACTS_DIR, E2E_STRIPE, E2E_TURNSTILE, RUN_FILE, type RunInfo } from "./run-info";

// Once per `playwright test`: a fresh migrated database with the demo waitlist, the local fakes of Turnstile
// siteverify, Resend and Stripe, and the production server (`next start`) wired to them. What the specs need goes into
// process.env (workers inherit it) and e2e/artifacts/run.json. The returned function is the teardown.

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export default async function globalSetup(): Promise<() => Promise<void>> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });

  const cleanups: Array<() => Promise<unknown>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.error("[e2e] teardown:", e));
  };

  try {
    const started = Date.now();
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const siteverify: FakeSiteverify = await startFakeSiteverify({ secret: E2E_TURNSTILE.secretKey });
    cleanups.push(() => siteverify.close());
    const resend: FakeResend = await startFakeResend();
    cleanups.push(() => resend.close());
    const stripe = await startFakeStripe({ secretKey: E2E_STRIPE.secretKey });
    cleanups.push(() => stripe.close());

    await seedDemo(database.url);

    const logFile = path.join(ARTIFACTS_DIR, "server.log");
    const server = await startProductionServer({
      logFile,
      env: (baseURL) => ({
        DATABASE_URL: database.url,
        NODE_ENV: "production",
        APP_URL: baseURL,
        AUTH_URL: baseURL,
        AUTH_TRUST_HOST: "true",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        TURNSTILE_SITE_KEY: E2E_TURNSTILE.siteKey,
        TURNSTILE_SECRET_KEY: E2E_TURNSTILE.secretKey,
        TURNSTILE_VERIFY_URL: siteverify.url,
        // Every spec's browser and API calls come from 127.0.0.1 and would share one 120/min bucket; the limit
        // itself is covered by the integration tests (lib/abuse/rate-limit.test.ts).
        RATE_LIMIT_PER_MINUTE: "1000",
        // Every spec's sign-in comes from 127.0.0.1 too (the per-IP limit is covered by the Auth.js route test).
        SIGN_IN_LINKS_PER_IP_PER_MINUTE: "1000",
        RESEND_API_KEY: "re_test",
        EMAIL_TRANSPORT: "resend",
        RESEND_BASE_URL: resend.url,
        // The one server of the run whose in-process worker sends signups' email (e2e/welcome-email.spec.ts).
        WORKER_MODE: "inline",
        WORKER_POLL_SECONDS: "0.5",
        // e2e/webhooks.spec.ts's receiver listens on loopback http (allowed: APP_URL is loopback too).
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "1",
        WEBHOOK_DISPATCH_SECONDS: "0.25",
        STRIPE_SECRET_KEY: E2E_STRIPE.secretKey,
        STRIPE_WEBHOOK_SECRET: E2E_STRIPE.webhookSecret,
        STRIPE_PRICE_ID: E2E_STRIPE.priceId,
        STRIPE_API_BASE: stripe.url,
      }),
    });
    cleanups.push(() => server.stop());
    const baseURL = server.baseUrl;

    const run: RunInfo = {
      baseURL,
      siteverifyUrl: siteverify.url,
      siteverifyOrigin: siteverify.origin,
      resendUrl: resend.url,
      stripeUrl: stripe.url,
      databaseUrl: database.url,
      serverPid: server.pid,
      serverLog: logFile,
    };
    Object.assign(process.env, {
      E2E_BASE_URL: run.baseURL,
      E2E_SITEVERIFY_URL: run.siteverifyUrl,
      E2E_RESEND_URL: run.resendUrl,
      E2E_DATABASE_URL: run.databaseUrl,
    });
    await writeFile(RUN_FILE, `${JSON.stringify(run, null, 2)}\n`);
    console.log(`[e2e] ${baseURL} ready in ${Date.now() - started} ms (db ${redactUrl(database.url)})`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function seedDemo(databaseUrl: string): Promise<void> {
  // The landing page and several specs link to /w/demo; the project's own seed script creates it.
  await runQuiet(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/db-seed.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
  });
}
