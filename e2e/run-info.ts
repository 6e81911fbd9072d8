import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// What e2e/global-setup.ts hands to the specs: in process.env (E2E_*) for Playwright's workers, and in
// e2e/artifacts/run.json for anything else (a debugger, a script poking the running server).

export type RunInfo = {
  baseURL: string;
  /** Full siteverify URL of the fake Turnstile server (TURNSTILE_VERIFY_URL of the app). */
  siteverifyUrl: string;
  /** Same server; GET <origin>/__requests lists what the app sent it. */
  siteverifyOrigin: string;
  /** Fake Resend origin (RESEND_BASE_URL of the app); GET <url>/__messages lists captured mail. */
  resendUrl: string;
  /** Fake Stripe origin (STRIPE_API_BASE of the app); POST <url>/__subscriptions sets a subscription's state. */
  stripeUrl: string;
  databaseUrl: string;
  serverPid: number;
  serverLog: string;
};

export const ARTIFACTS_DIR = fileURLToPath(new URL("artifacts", import.meta.url));
export const RUN_FILE = path.join(ARTIFACTS_DIR, "run.json");

/** Cloudflare's documented test site key (always passes client-side) and the fake siteverify's secret. */
export const E2E_TURNSTILE = { siteKey: "1x00000000000000000000AA", secretKey: "test-secret" } as const;

export function readRunInfo(): RunInfo {
  try {
    return JSON.parse(readFileSync(RUN_FILE, "utf8")) as RunInfo;
  } catch {
    throw new Error(`e2e: ${RUN_FILE} is missing; the global setup did not run (use \`playwright test\`).`);
  }
}

/** Keys the e2e server's Stripe client and webhook endpoint are configured with (the fake Stripe checks them). */
export const E2E_STRIPE = { secretKey: "sk_test_e2e", webhookSecret: "whsec_e2e_secret", priceId: "price_e2e_pro" } as const;
