import { existsSync } from "node:fs";
import { defineConfig, devices, type ReporterDescription } from "@playwright/test";
import { SYSTEM_CHROMIUM } from "./tests/support/browser";

// Browser tests run against the production build (`next start`), started by e2e/global-setup.ts with a fresh
// database and local fakes of Turnstile and Resend. Workers are spawned after the global setup, so the
// E2E_* variables it sets are visible when they evaluate this file (that is how baseURL reaches the tests).

// Playwright cannot download its own browsers on these machines; Debian's Chromium stands in when present
// (otherwise Playwright's own, which npm test checks for first: tests/support/browser.ts).
const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const jsonOut = process.env.PW_JSON_OUT;
const reporter: ReporterDescription[] = [["list"]];
if (jsonOut) reporter.push(["json", { outputFile: jsonOut }]);

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/artifacts/test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter,
  use: {
    baseURL: process.env.E2E_BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
  ],
});
