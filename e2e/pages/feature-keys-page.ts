import type { Locator, Page } from "@playwright/test";
import { waitForHydration } from "../hydration";

/** Dashboard → Feature keys (docs/feature-waitlists.md). */
export class FeatureKeysPage {
  readonly form: Locator;
  readonly newKey: Locator;
  readonly keys: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Feature keys" });
    this.newKey = page.getByLabel("New feature key");
    this.keys = page.getByRole("list", { name: "Keys of this waitlist" }).getByRole("listitem");
    this.saved = this.form.getByRole("status");
  }

  async goto(waitlistId: string): Promise<void> {
    await this.page.goto(`/dashboard/w/${waitlistId}/features`);
    await waitForHydration(this.page, `form[aria-label="Feature keys"]`);
  }

  /** Types a key and adds it with Enter, as a keyboard user would. */
  async add(key: string): Promise<void> {
    await this.newKey.fill(key);
    await this.newKey.press("Enter");
  }

  async save(): Promise<void> {
    await this.form.getByRole("button", { name: "Save feature keys" }).click();
  }
}
