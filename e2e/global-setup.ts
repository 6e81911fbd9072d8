import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { redactUrl } from "@/lib/dev/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startFakeResend, type FakeResend } from "@/lib/testing/fake-resend";
import { startFakeSiteverify, type FakeSiteverify } from "@/lib/testing/fake-siteverify";
import { startFakeStripe } from "@/lib/testing/fake-stripe";
import { ARTIFACTS_DIR, E2E_STRIPE, E2E_TURNSTILE, RUN_FILE, type RunInfo } from "./run-info";

// Once per `playwright test`: a fresh migrated database with the demo waitlist, the local fakes of Turnstile
// siteverify, Resend and Stripe, and the production server (`next start`) wired to them. What the specs need goes into
// process.env (workers inherit it) and e2e/artifacts/run.json. The returned function is the teardown.

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HEALTH_TIMEOUT_MS = 60_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error(
      "e2e: no production build (.next/BUILD_ID is missing). Run `npx next build` first; `npm test` builds before e2e.",
    );
  }
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

    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const logFile = path.join(ARTIFACTS_DIR, "server.log");
    const server = startServer(port, logFile, {
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
      RESEND_API_KEY: "re_test",
      RESEND_BASE_URL: resend.url,
      STRIPE_SECRET_KEY: E2E_STRIPE.secretKey,
      STRIPE_WEBHOOK_SECRET: E2E_STRIPE.webhookSecret,
      STRIPE_PRICE_ID: E2E_STRIPE.priceId,
      STRIPE_API_BASE: stripe.url,
    });
    cleanups.push(() => stopServer(server));
    await waitForHealth(baseURL, server, logFile);

    const run: RunInfo = {
      baseURL,
      siteverifyUrl: siteverify.url,
      siteverifyOrigin: siteverify.origin,
      resendUrl: resend.url,
      stripeUrl: stripe.url,
      databaseUrl: database.url,
      serverPid: server.pid ?? 0,
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
  await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/db-seed.ts"],
    { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited ${code}:\n${output}`)),
    );
  });
}

function startServer(port: number, logFile: string, env: Record<string, string>): ChildProcess {
  const log = createWriteStream(logFile);
  // node_modules/.bin/next itself, not npx: the pid must be the server, or killing it leaves the port held.
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth(baseURL: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`e2e: next start exited with code ${server.exitCode}.\n${await tail(logFile)}`);
    }
    try {
      const res = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(3_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status} ${await res.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`e2e: ${baseURL}/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS} ms (last: ${last}).\n${await tail(logFile)}`);
}

async function tail(file: string, lines = 40): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => "");
  return `--- last lines of ${file} ---\n${text.split("\n").slice(-lines).join("\n")}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
