import { expect, test } from "./fixtures";

test.describe("landing page", () => {
  test("says what WaitForge is and links to the demo, sign-in and pricing", async ({ landingPage, browserErrors }) => {
    await landingPage.goto();

    await expect(landingPage.heading).toHaveText("Waitlists that grow themselves");
    await expect(landingPage.page).toHaveTitle(/WaitForge/);
    await expect(landingPage.demoLink).toHaveAttribute("href", "/w/demo");
    await expect(landingPage.signInLink).toHaveAttribute("href", "/sign-in");
    await expect(landingPage.pricingLink).toHaveAttribute("href", "/pricing");
    await expect(landingPage.apiSample).toContainText("/api/public/your-slug/signup");
    for (const section of ["How it works", "Features", "Public API"]) {
      await expect(landingPage.page.getByText(section, { exact: true }).first()).toBeVisible();
    }

    // goto() waited for hydration, so hydration mismatches and client exceptions have surfaced by now.
    expect(browserErrors).toEqual([]);
  });

  test("main navigation jumps to the feature section", async ({ landingPage }) => {
    await landingPage.goto();
    await landingPage.mainNav.getByRole("link", { name: "Features" }).click();
    await expect(landingPage.page).toHaveURL(/#features$/);
    await expect(landingPage.page.getByRole("heading", { name: /Everything a launch list needs/ })).toBeInViewport();
  });

  test("an unknown path renders the not-found page with status 404", async ({ page }) => {
    const response = await page.goto("/this-page-does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page isn't on the list");
    await expect(page.getByRole("link", { name: "Back to home" })).toHaveAttribute("href", "/");
  });
});
