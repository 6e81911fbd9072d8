import { test as base, expect, type ConsoleMessage } from "@playwright/test";
import { LandingPage } from "./pages/landing-page";
import { readRunInfo, type RunInfo } from "./run-info";

// The `test` every spec imports: page objects, the run's server/fake URLs, and a collector of browser errors.

type Fixtures = {
  landingPage: LandingPage;
  /** Console errors and uncaught exceptions seen by `page` during the test. */
  browserErrors: string[];
};

type WorkerFixtures = {
  run: RunInfo;
};

/**
 * Next prefetches every link in view (`?_rsc=` requests). A failed prefetch logs a resource error for a page
 * the spec never opened; that target's own spec covers it, so it is not counted against the current page.
 */
function isPrefetchFailure(message: ConsoleMessage): boolean {
  return message.text().startsWith("Failed to load resource") && message.location().url.includes("_rsc=");
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  run: [async ({}, use) => use(readRunInfo()), { scope: "worker" }],

  browserErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && !isPrefetchFailure(message)) {
        errors.push(`console: ${message.text()} (${message.location().url})`);
      }
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    await use(errors);
  },

  landingPage: async ({ page }, use) => use(new LandingPage(page)),
});

export { expect };
export { waitForHydration } from "./hydration";

