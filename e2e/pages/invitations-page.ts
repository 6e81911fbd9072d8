import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "../hydration";

// The "Let people in" tab of a waitlist: invite the top N now (with its confirmation), the waves, the settings.

export class InvitationsPage {
  readonly heading: Locator;
  readonly inviteCount: Locator;
  readonly inviteNow: Locator;
  readonly confirmInvite: Locator;
  readonly inviteResult: Locator;
  readonly waves: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Let people in" });
    const form = page.getByRole("form", { name: "Invite the top people now" });
    this.inviteCount = form.getByLabel("How many people from the top of the line");
    this.inviteNow = form.getByRole("button", { name: /^Invite top/ });
    this.confirmInvite = form.getByRole("button", { name: /^Yes, invite/ });
    this.inviteResult = form.getByRole("status");
    this.waves = page.getByTestId("wave");
  }

  async goto(waitlistId: string): Promise<void> {
    await this.page.goto(`/dashboard/w/${waitlistId}/invitations`);
    await expect(this.heading).toBeVisible();
    await waitForHydration(this.page, "form");
  }

  /** Invites the top `n` through the form and its confirmation step. */
  async inviteTop(n: number): Promise<void> {
    await this.inviteCount.fill(String(n));
    await this.inviteNow.click();
    await this.confirmInvite.click();
    await expect(this.inviteResult).toContainText(/Invited \d+ (person|people)/);
  }
}

/** The private status page of one signup. */
export class StatusPage {
  readonly position: Locator;
  readonly invited: Locator;
  readonly inviteCode: Locator;

  constructor(readonly page: Page) {
    this.position = page.getByTestId("status-position");
    this.invited = page.getByTestId("status-invited");
    this.inviteCode = page.getByTestId("status-invite-code");
  }

  async goto(slug: string, token: string): Promise<void> {
    await this.page.goto(`/w/${slug}/status/${token}`);
  }
}
