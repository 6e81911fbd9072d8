import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "../hydration";

// The account's API keys page (/dashboard/keys): create form, the once-shown secret, the list, revoke.

export class ApiKeysPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly create: Locator;
  readonly secret: Locator;
  readonly copy: Locator;
  readonly done: Locator;
  readonly empty: Locator;
  readonly keys: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "API keys" });
    this.name = page.getByLabel("Name");
    this.create = page.getByRole("button", { name: "Create key" });
    this.secret = page.getByTestId("new-key-secret");
    this.copy = page.getByRole("button", { name: "Copy API key" });
    this.done = page.getByRole("button", { name: "Done" });
    this.empty = page.getByTestId("keys-empty");
    this.keys = page.getByRole("list", { name: "API keys" }).getByTestId("api-key");
  }

  async goto(): Promise<void> {
    await this.page.goto("/dashboard/keys");
    await expect(this.heading).toBeVisible();
    await waitForHydration(this.page);
  }

  async createKey(name: string, access: "Read-only" | "Read and write"): Promise<void> {
    await this.name.fill(name);
    await this.page.getByRole("radio", { name: new RegExp(`^${access}`) }).check();
    await this.create.click();
    await expect(this.secret).toBeVisible();
  }

  key(name: string): Locator {
    return this.keys.filter({ hasText: name });
  }

  async revoke(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `Revoke ${name}` }).click();
    await this.page.getByRole("button", { name: "Yes, revoke" }).click();
  }
}
