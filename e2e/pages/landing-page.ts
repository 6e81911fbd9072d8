import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "../hydration";

export class LandingPage {
  readonly heading: Locator;
  readonly mainNav: Locator;
  readonly demoLink: Locator;
  readonly signInLink: Locator;
  readonly pricingLink: Locator;
  readonly apiSample: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.mainNav = page.getByRole("navigation", { name: "Main" });
    this.demoLink = page.getByRole("main").getByRole("link", { name: "See the demo waitlist" });
    this.signInLink = page.getByRole("banner").getByRole("link", { name: "Sign in" });
    this.pricingLink = page.getByRole("link", { name: "See pricing" });
    this.apiSample = page.locator("#api pre").first();
  }

  async goto(): Promise<void> {
    const response = await this.page.goto("/");
    expect(response?.status(), "GET / status").toBe(200);
    await expect(this.heading).toBeVisible();
    await waitForHydration(this.page, "h1");
  }
}
