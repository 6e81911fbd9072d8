import { expect, type Locator, type Page } from "@playwright/test";
import { findLink, waitForEmail } from "@/tests/support/fake-resend";
import { waitForHydration } from "../hydration";

// The magic-link flow as an owner goes through it: the form, "check your email", the link from the fake
// Resend server's captured mail.

export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly submit: Locator;
  readonly fieldError: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.email = page.getByLabel("Email address");
    this.submit = page.getByRole("button", { name: "Email me a sign-in link" });
    this.fieldError = page.locator("form [role=alert]").first();
    this.banner = page.getByRole("main").locator("[role=alert], [role=status]").first();
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/sign-in${query}`);
    await expect(this.heading).toHaveText("Sign in to WaitForge");
    await waitForHydration(this.page, "form");
  }

  /** Submits the form; on success the page moves to /check-your-email. */
  async requestLink(email: string): Promise<void> {
    await this.email.fill(email);
    await this.submit.click();
  }

  /** The whole flow: request a link, read it from the fake Resend server, open it. Ends on the dashboard. */
  async signIn(email: string, resendUrl: string, expectedPath: RegExp = /\/dashboard$/): Promise<void> {
    const since = new Date(Date.now() - 1000);
    await this.requestLink(email);
    await this.expectCheckYourEmail();
    await this.openMagicLink(email, resendUrl, since);
    await expect(this.page).toHaveURL(expectedPath);
  }

  async expectCheckYourEmail(): Promise<void> {
    await expect(this.page).toHaveURL(/\/check-your-email$/);
    await expect(this.heading).toHaveText("Check your email");
  }

  /** Opens the newest magic link sent to `email` (since `since`) in this page. */
  async openMagicLink(email: string, resendUrl: string, since: Date): Promise<void> {
    const message = await waitForEmail(resendUrl, email, { since });
    const link = findLink(message);
    expect(link, "magic link in the email").toBeTruthy();
    await this.page.goto(link!);
  }
}
