// npm run dev (and, through runApp("start"), npm start): zero-config local run. Without DATABASE_URL it starts
// an embedded PostgreSQL with its data in .data/pg, creates and migrates the `waitforge` database and seeds the
// demo waitlist the first time; with DATABASE_URL it only migrates that database. It writes public/embed.js (the
// script embed, generated from components/embed-script; `dev` rebuilds it on change). Then it runs Next with the
// resulting environment and shuts everything down together.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  ensureDatabase,
  redactUrl,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from "@/lib/dev/embedded-postgres";
import { migrate } from "@/lib/migrations/runner";
import { buildEmbed, describe, watchEmbed } from "./build-embed";

type Mode = "dev" | "start";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(ROOT, ".data");
const DB_NAME = "waitforge";

function say(mode: Mode, message: string): void {
  console.log(`[${mode}] ${message}`);
}

/** AUTH_SECRET from the environment, else one generated once and kept in .data/auth-secret (git-ignored). */
async function authSecret(mode: Mode): Promise<string> {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(DATA_DIR, "auth-secret");
  const stored = (await readFile(file, "utf8").catch(() => "")).trim();
  if (stored.length >= 16) return stored;
  const secret = randomBytes(32).toString("base64url");
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  say(mode, `generated AUTH_SECRET into ${path.relative(ROOT, file)} (set AUTH_SECRET to use your own)`);
  return secret;
}

async function prepareDatabase(mode: Mode): Promise<{ url: string; server?: EmbeddedPostgres }> {
  const log = (m: string) => say(mode, m);
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const { applied } = await migrate(configured, { log });
    say(mode, `database: ${redactUrl(configured)} (from DATABASE_URL); ${describeMigrations(applied)}`);
    return { url: configured };
  }

  const dataDir = path.join(DATA_DIR, "pg");
  const server = await startEmbeddedPostgres({ dataDir, persistent: true, log });
  try {
    const createdDb = await ensureDatabase(server.connectionString("postgres"), DB_NAME);
    const url = server.connectionString(DB_NAME);
    const { applied } = await migrate(url, { log });
    say(mode, `embedded PostgreSQL ${server.initialised ? "initialised" : "reused"}: data in ${dataDir}`);
    say(
      mode,
      `database: ${redactUrl(url)}${createdDb ? " (created)" : ""}; ${describeMigrations(applied)}` +
        " (set DATABASE_URL to use another server)",
    );

    // Prisma and lib/env read DATABASE_URL on first use, so it is set before the seed module loads.
    process.env.DATABASE_URL = url;
    const { demoExists, seedDemo, DEMO_OWNER_EMAIL } = await import("@/lib/dev/seed");
    const { closeDb } = await import("@/lib/db");
    try {
      if (await demoExists()) {
        say(mode, "demo waitlist /demo already present: not seeding");
      } else {
        const seeded = await seedDemo();
        say(mode, `seeded demo data: waitlist /${seeded.slug} owned by ${DEMO_OWNER_EMAIL}, ${seeded.addedSignups} signups`);
      }
    } finally {
      await closeDb();
    }
    return { url, server };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
}

/** public/embed.js before Next serves public/: built once for `start`, watched for `dev`. Returns the stop. */
async function prepareEmbed(mode: Mode): Promise<() => Promise<void>> {
  if (mode === "dev") return watchEmbed((m) => say(mode, `embed: ${m}`));
  say(mode, `embed: ${describe(await buildEmbed())}`);
  return async () => undefined;
}

function describeMigrations(applied: string[]): string {
  return applied.length ? `applied migrations: ${applied.join(", ")}` : "migrations up to date";
}

export async function runApp(mode: Mode): Promise<void> {
  const nextBin = path.join(ROOT, "node_modules", ".bin", "next");
  if (!existsSync(nextBin)) throw new Error(`${nextBin} not found: run npm install first`);

  const stopEmbed = await prepareEmbed(mode);
  const { url, server } = await prepareDatabase(mode).catch(async (error: unknown) => {
    await stopEmbed();
    throw error;
  });
  const port = process.env.PORT || "3000";
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, AUTH_SECRET: await authSecret(mode), PORT: port };
  env.APP_URL ||= `http://localhost:${port}`;
  // Telemetry would only time out on machines without general network access.
  env.NEXT_TELEMETRY_DISABLED ||= "1";
  if (mode === "dev" && !env.TURNSTILE_MODE && !env.TURNSTILE_SITE_KEY && !env.TURNSTILE_SECRET_KEY) {
    // No keys on a dev machine: the signup form works without the Cloudflare widget (refused in production).
    env.TURNSTILE_MODE = "off";
    say(mode, "TURNSTILE_MODE=off (no Turnstile keys set)");
  }
  if (mode === "start" && server) {
    // A production build tried on this machine with the embedded database: not a deployment, so the two
    // choices production insists on get their local answers, said out loud.
    if (!env.TRUSTED_PROXY_HOPS && !env.CLIENT_IP_HEADER) {
      env.TRUSTED_PROXY_HOPS = "0";
      say(mode, "TRUSTED_PROXY_HOPS=0 (local trial: clients connect directly)");
    }
    if (!env.RESEND_API_KEY && !env.EMAIL_TRANSPORT) {
      env.EMAIL_TRANSPORT = "log";
      say(mode, "EMAIL_TRANSPORT=log (local trial: sign-in links go to the log and .data/outbox)");
    }
  }
  say(mode, `starting next ${mode} on http://localhost:${port}`);

  // node_modules/.bin/next directly (not npx), so a signal reaches Next itself, which stops its server child.
  const child = spawn(nextBin, [mode, "--port", port], { cwd: ROOT, env, stdio: "inherit" });

  let stopping = false;
  const forward = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: stop waiting for a graceful exit.
      child.kill("SIGKILL");
      return;
    }
    stopping = true;
    child.kill(signal);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, forward);

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("error", (error) => {
      console.error(`[${mode}] could not start next: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });

  await stopEmbed().catch(() => undefined);
  if (server) {
    say(mode, "stopping embedded PostgreSQL");
    await server.stop();
  }
  for (const s of signals) process.removeListener(s, forward);
  // Stopped on request: a clean exit. Otherwise pass on Next's own status.
  process.exitCode = stopping ? 0 : (exit.code ?? 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runApp("dev").catch((error: unknown) => {
    console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
