import { expect, type Locator, type Page } from "@playwright/test";

// The Webhooks tab of a waitlist: add an endpoint (and read its secret, shown once), the delivery log.

export class WebhooksPage {
  constructor(readonly page: Page) {}

  async open(waitlistId: string): Promise<void> {
    await this.page.goto(`/dashboard/w/${waitlistId}/webhooks`);
    await expect(this.page.getByRole("heading", { name: "Webhook endpoints" })).toBeVisible();
  }

  /** Adds an endpoint for the given events; answers the signing secret shown once. */
  async addEndpoint(url: string, events: string[]): Promise<string> {
    const form = this.page.getByRole("form", { name: "Add an endpoint" });
    await form.getByLabel("Endpoint URL").fill(url);
    await form.getByLabel("Description").fill("e2e receiver");
    for (const box of await form.getByRole("checkbox").all()) {
      const name = (await box.locator("xpath=..").innerText()).split("\n")[0]!.trim();
      if (name === "Enabled") continue;
      await box.setChecked(events.includes(name));
    }
    await form.getByRole("button", { name: "Add endpoint" }).click();
    const secret = this.page.getByTestId("webhook-secret");
    await expect(secret).toBeVisible();
    const value = (await secret.innerText()).trim();
    await this.page.getByRole("button", { name: "Done" }).click();
    return value;
  }

  deliveries(): Locator {
    return this.page.getByTestId("webhook-delivery");
  }
}
