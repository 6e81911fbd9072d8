import { existsSync } from "node:fs";

// Which Chromium the browser tests launch. Playwright cannot download its own browsers on these machines, so
// Debian's stands in when present (playwright.config.ts); elsewhere Playwright's own, if it was installed.

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const NO_CHROMIUM =
  `No Chromium for the browser tests: install Debian's (apt-get install chromium, giving ${SYSTEM_CHROMIUM}) ` +
  "or Playwright's (npx playwright install chromium), then run npm test again.";

export type ChromiumPaths = {
  /** Debian's Chromium. */
  system: string;
  /** Where Playwright keeps its own Chromium (installed or not); undefined when it has none for this platform. */
  playwright: string | undefined;
};

/** The first Chromium that exists: Debian's, then Playwright's; null when neither is installed. */
export function findChromium(paths: ChromiumPaths, exists: (file: string) => boolean = existsSync): string | null {
  for (const candidate of [paths.system, paths.playwright]) {
    if (candidate && exists(candidate)) return candidate;
  }
  return null;
}

/**
 * A Chromium for the browser tests: the one found, or else one Playwright installs now. `install` may fail
 * (offline it always does); the answer is then null and the caller says what to install.
 */
export async function ensureChromium(find: () => string | null, install: () => Promise<unknown>): Promise<string | null> {
  const found = find();
  if (found) return found;
  await install().catch(() => undefined);
  return find();
}
