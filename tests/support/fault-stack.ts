import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { startProductionServer, type ProductionServer } from "@/tests/support/production-server";

// What every fault suite stands up: the production server (`next start` of the current build) on its own
// database and the fake siteverify, with everything it started torn down in reverse order even on failure.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const FAULT_LOG_DIR = path.join(ROOT, "test-results", "faults");
export const FAULT_TURNSTILE = { siteKey: "1x00000000000000000000AA", secretKey: "fault-secret" } as const;

export type FaultServer = ProductionServer & { logFile: string; logTail(lines?: number): string };

/** The production server wired to `databaseUrl` and the fake siteverify; `env` adds or overrides variables. */
export async function startFaultServer(options: {
  name: string;
  databaseUrl: string;
  siteverifyUrl: string;
  env?: Record<string, string>;
}): Promise<FaultServer> {
  mkdirSync(FAULT_LOG_DIR, { recursive: true });
  const logFile = path.join(FAULT_LOG_DIR, `${options.name}.log`);
  const server = await startProductionServer({
    logFile,
    env: (baseUrl) => ({
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      APP_URL: baseUrl,
      AUTH_URL: baseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TURNSTILE_MODE: "enforce",
      TURNSTILE_SITE_KEY: FAULT_TURNSTILE.siteKey,
      TURNSTILE_SECRET_KEY: FAULT_TURNSTILE.secretKey,
      TURNSTILE_VERIFY_URL: options.siteverifyUrl,
      // Each simulated client has its own address, written by "our" one proxy into X-Forwarded-For.
      TRUSTED_PROXY_HOPS: "1",
      // Empty means unset (lib/env.ts): a REDIS_URL of the machine's Redis must not leak in from the caller.
      REDIS_URL: "",
      ...options.env,
    }),
  });
  return {
    ...server,
    logFile,
    logTail: (lines = 30) => {
      try {
        return readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n");
      } catch {
        return "";
      }
    },
  };
}

/** An owner and a Pro waitlist (no Free cap), straight in SQL as the benchmarks do. */
export async function createFaultWaitlist(pool: pg.Pool, slug: string): Promise<{ id: string; slug: string }> {
  const ownerId = `fault-owner-${randomBytes(6).toString("hex")}`;
  await pool.query(`INSERT INTO users (id, email, updated_at) VALUES ($1, $2, now())`, [ownerId, `${ownerId}@example.com`]);
  const id = `fault-${randomBytes(6).toString("hex")}`;
  await pool.query(
    `INSERT INTO waitlists (id, team_id, created_by, slug, title, plan, updated_at)
     SELECT $1, t.id, $2, $3, 'Fault test', 'PRO', now() FROM teams t WHERE t.personal_of = $2`,
    [id, ownerId, slug],
  );
  return { id, slug };
}

/** Cleanups run last-in first-out; one failing does not stop the others. */
export class Teardown {
  private readonly steps: Array<{ name: string; run: () => Promise<unknown> }> = [];

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      await step.run().catch((error: unknown) => console.error(`[faults] cleanup "${step.name}" failed:`, error));
    }
  }
}

/** Prints a suite's figures in the test output and keeps them in test-results/faults/<name>.figures.json. */
export function writeFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(FAULT_LOG_DIR, { recursive: true });
  const text = JSON.stringify(figures, null, 2);
  writeFileSync(path.join(FAULT_LOG_DIR, `${name}.figures.json`), `${text}\n`);
  console.log(`[faults] ${name} figures:\n${text}`);
}
