import type { Locator, Page } from "@playwright/test";

// A customer's page with the script embed. Playwright's locators pierce the widget's open shadow root.

export class EmbedHostPage {
  readonly widget: Locator;
  readonly email: Locator;
  readonly submit: Locator;
  readonly heading: Locator;
  readonly position: Locator;
  readonly shareLink: Locator;
  readonly statusLink: Locator;
  readonly signUpAgain: Locator;
  /** The Turnstile stand-in's container (light DOM, slotted into the form). */
  readonly captcha: Locator;

  constructor(readonly page: Page) {
    this.widget = page.locator("waitforge-waitlist");
    this.email = this.widget.getByLabel("Email");
    this.submit = this.widget.getByRole("button", { name: "Join the waitlist" });
    this.heading = this.widget.getByRole("heading", { level: 2 });
    this.position = this.widget.locator("[data-position]");
    this.shareLink = this.widget.getByLabel("Your share link");
    this.statusLink = this.widget.getByRole("link", { name: "Your private status page" });
    this.signUpAgain = this.widget.getByRole("button", { name: "Not you? Sign up with another email" });
    this.captcha = this.widget.locator("[data-e2e-turnstile]");
  }
}
