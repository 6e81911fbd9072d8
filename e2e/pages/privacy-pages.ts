import { expect, type Download, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { waitForHydration } from "../hydration";

// The self-service corners a signup sees: "Email me my link" on the hosted page, the status page's data and
// leave links, and the page that asks before leaving.

export class StatusLinkRecovery {
  readonly open: Locator;
  readonly form: Locator;
  readonly email: Locator;
  readonly submit: Locator;
  readonly answer: Locator;

  constructor(readonly page: Page) {
    this.open = page.getByRole("button", { name: "Email me my status link" });
    this.form = page.getByRole("form", { name: "Email me my status link" });
    this.email = page.getByLabel("Your email on the list");
    this.submit = page.getByRole("button", { name: "Email me my link" });
    this.answer = page.getByTestId("status-link-answer");
  }

  async request(email: string): Promise<void> {
    if (await this.open.isVisible()) await this.open.click();
    await expect(this.form).toBeVisible();
    await waitForHydration(this.page, "[data-testid=status-link-form]");
    await this.email.fill(email);
    await this.submit.click();
  }
}

export class StatusPrivacyLinks {
  readonly download: Locator;
  readonly leave: Locator;

  constructor(readonly page: Page) {
    const nav = page.getByRole("navigation", { name: "Your data" });
    this.download = nav.getByRole("link", { name: "Download my data" });
    this.leave = nav.getByRole("link", { name: "Leave this waitlist" });
  }

  /** Clicks "Download my data" and returns the file as the browser saved it, parsed. */
  async downloadData(): Promise<{ download: Download; json: Record<string, unknown> }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.download.click()]);
    const file = await download.path();
    return { download, json: JSON.parse(await readFile(file, "utf8")) as Record<string, unknown> };
  }
}

export class LeaveWaitlistPage {
  readonly card: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId("leave-waitlist");
    this.confirm = page.getByRole("button", { name: "Leave and delete my data" });
  }

  async expectAsking(title: string): Promise<void> {
    await expect(this.card.getByText(`Leave the ${title} waitlist?`)).toBeVisible();
    await expect(this.confirm).toBeVisible();
  }

  async expectLeft(title: string): Promise<void> {
    await expect(this.card.getByText(`You've left ${title}`)).toBeVisible();
    await expect(this.card.getByText(/Your data is deleted/)).toBeVisible();
  }
}
