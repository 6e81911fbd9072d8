import type { Page } from "@playwright/test";

/**
 * Resolves once React has hydrated the element matching `selector` (React tags hydrated DOM nodes with
 * `__reactFiber$…` keys). A better "the page is live" signal than networkidle, which Next's link prefetching
 * can hold off indefinitely.
 */
export async function waitForHydration(page: Page, selector = "body"): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && Object.keys(el).some((key) => key.startsWith("__reactFiber"));
  }, selector);
}
