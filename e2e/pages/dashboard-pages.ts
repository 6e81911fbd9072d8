import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "../hydration";

// Page objects of the owner dashboard: the list, the new-waitlist form, and a waitlist's three tabs.

/**
 * The inline message of a form control, found the way a screen reader finds it (aria-describedby), or null.
 * Use with expect.poll, which retries.
 */
export async function inlineError(control: Locator): Promise<string | null> {
  const ids = (await control.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const errorId = ids.find((id) => id.endsWith("-error"));
  if (!errorId) return null;
  return control.page().locator(`[id="${errorId}"]`).textContent();
}

export class DashboardChrome {
  readonly signedInEmail: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.signedInEmail = page.getByTestId("signed-in-email");
    this.signOut = page.getByRole("button", { name: "Sign out" });
  }
}

export class WaitlistsPage extends DashboardChrome {
  readonly heading: Locator;
  readonly list: Locator;
  readonly createFirst: Locator;

  constructor(page: Page) {
    super(page);
    this.heading = page.getByRole("heading", { level: 1, name: "Your waitlists" });
    this.list = page.getByRole("list", { name: "Waitlists" });
    this.createFirst = page.getByRole("link", { name: "Create a waitlist" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/dashboard");
    await expect(this.heading).toBeVisible();
  }
}

export class NewWaitlistPage {
  readonly title: Locator;
  readonly slug: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByLabel("Title");
    this.slug = page.getByLabel("Address");
    this.submit = page.getByRole("button", { name: "Create and go live" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/dashboard/new");
    await waitForHydration(this.page, "form");
  }
}

export class OverviewPage {
  readonly liveBanner: Locator;
  readonly hostedLink: Locator;

  constructor(readonly page: Page) {
    this.liveBanner = page.getByRole("region", { name: "Your waitlist is live" });
    this.hostedLink = page.getByTestId("hosted-link");
  }

  stat(label: string): Locator {
    return this.page.locator("dl > div").filter({ has: this.page.getByText(label, { exact: true }) }).locator("dd").first();
  }

  snippet(kind: "script" | "iframe" | "curl"): Locator {
    return this.page.getByTestId(`snippet-${kind}`).locator("pre");
  }

  tab(name: "Overview" | "Signups" | "Settings"): Locator {
    return this.page.getByRole("navigation", { name: "Waitlist" }).getByRole("link", { name });
  }
}

export class SignupsPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole("searchbox", { name: "Search signups" });
    this.rows = page.getByTestId("signup-row");
    this.empty = page.getByText("No signups yet");
  }

  async goto(waitlistId: string): Promise<void> {
    await this.page.goto(`/dashboard/w/${waitlistId}/signups`);
    await waitForHydration(this.page, "main table, main [role=radiogroup]");
  }

  row(email: string): Locator {
    return this.rows.filter({ hasText: email });
  }
}

export class SettingsPage {
  readonly form: Locator;
  readonly title: Locator;
  readonly primary: Locator;
  readonly font: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly preview: FrameLocator;
  /** The preview is inert (out of the accessibility tree), so it is found by structure, not role. */
  readonly previewTitle: Locator;
  readonly previewButton: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Waitlist settings" });
    this.title = this.form.getByLabel("Title", { exact: true });
    this.primary = this.form.getByLabel("Primary", { exact: true });
    this.font = this.form.getByLabel("Font");
    this.save = page.getByRole("button", { name: "Save changes" });
    this.status = page.getByTestId("save-status");
    this.preview = page.frameLocator('iframe[title="Live preview of the hosted page"]');
    this.previewTitle = this.preview.locator("[data-testid=hosted-page-preview] h1");
    this.previewButton = this.preview.getByText("Join the waitlist", { exact: true }).last();
  }

  async goto(waitlistId: string): Promise<void> {
    await this.page.goto(`/dashboard/w/${waitlistId}/settings`);
    await waitForHydration(this.page, "form[aria-label='Waitlist settings']");
    await expect(this.previewTitle).toBeVisible();
  }
}
