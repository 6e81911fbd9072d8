import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "../hydration";

// The hosted waitlist page (/w/<slug>) and its private status page, as a visitor sees them.

export class HostedPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly email: Locator;
  readonly name: Locator;
  readonly submit: Locator;
  readonly formError: Locator;
  readonly success: Locator;
  readonly successHeading: Locator;
  readonly position: Locator;
  readonly shareLink: Locator;
  readonly copyButton: Locator;
  readonly qrCode: Locator;
  readonly statusLink: Locator;
  readonly fullNotice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.form = page.getByRole("form");
    this.email = page.getByLabel("Email");
    this.name = page.getByLabel("Name");
    this.submit = page.getByRole("button", { name: "Join the waitlist" });
    this.formError = page.getByTestId("form-error");
    this.success = page.getByTestId("signup-success");
    this.successHeading = this.success.getByRole("heading", { level: 2 });
    this.position = page.getByTestId("signup-position");
    this.shareLink = page.getByLabel("Your share link");
    this.copyButton = page.getByRole("button", { name: /^Cop(y|ied)$/ });
    this.qrCode = page.getByRole("img", { name: "QR code of your share link" });
    this.statusLink = page.getByRole("link", { name: "Your private status page" });
    this.fullNotice = page.getByTestId("waitlist-full");
  }

  /** Opens /w/<slug>[?ref=…] and waits until the form (or the restored success view) is live. */
  async goto(slug: string, options: { ref?: string; expect?: "form" | "success" | "full" } = {}): Promise<void> {
    const response = await this.page.goto(`/w/${slug}${options.ref ? `?ref=${options.ref}` : ""}`);
    expect(response?.status(), `GET /w/${slug}`).toBe(200);
    const ready = options.expect ?? "form";
    if (ready === "form") {
      await expect(this.form).toBeVisible();
      await waitForHydration(this.page, "form");
    } else if (ready === "success") {
      await expect(this.success).toBeVisible();
    } else {
      await expect(this.fullNotice).toBeVisible();
    }
  }

  async signUp(email: string, name?: string): Promise<void> {
    await this.email.fill(email);
    if (name !== undefined) await this.name.fill(name);
    await this.submit.click();
  }

  /** The ref code at the end of the share link. */
  async refCode(): Promise<string> {
    const url = new URL(await this.shareLink.inputValue());
    return url.searchParams.get("ref") ?? "";
  }

  async meta(property: string): Promise<string | null> {
    return this.page.locator(`meta[property="${property}"], meta[name="${property}"]`).first().getAttribute("content");
  }
}

export class StatusPage {
  readonly position: Locator;
  readonly referrals: Locator;
  readonly shareLink: Locator;

  constructor(readonly page: Page) {
    this.position = page.getByTestId("status-position");
    this.referrals = page.getByTestId("status-referrals");
    this.shareLink = page.getByLabel("Your share link");
  }

  async goto(path: string): Promise<void> {
    const response = await this.page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
  }
}
