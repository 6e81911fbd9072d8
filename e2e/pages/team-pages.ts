import { expect, type Locator, type Page } from "@playwright/test";
import { findLink, waitForEmail } from "@/tests/support/fake-resend";
import { waitForHydration } from "../hydration";
import { SignInPage } from "./sign-in-page";

// The team section as people use it: the Members tab (invite, roles), the invitation link's page (sign in with
// the invited address, accept), and the Audit log tab.

export class TeamPage {
  readonly inviteForm: Locator;
  readonly inviteSent: Locator;
  readonly members: Locator;
  readonly invitations: Locator;

  constructor(readonly page: Page) {
    this.inviteForm = page.getByRole("form", { name: "Invite someone to the team" });
    this.inviteSent = page.getByTestId("invite-sent");
    this.members = page.getByTestId("team-member");
    this.invitations = page.getByTestId("team-invitation");
  }

  async goto(): Promise<void> {
    await this.page.goto("/dashboard/team");
    await waitForHydration(this.page, "main table");
  }

  async invite(email: string, role: "Owner" | "Admin" | "Viewer"): Promise<void> {
    await this.inviteForm.getByLabel("Email address").fill(email);
    await this.inviteForm.getByLabel("Role").selectOption({ label: role });
    await this.inviteForm.getByRole("button", { name: "Send invitation" }).click();
    await expect(this.inviteSent).toContainText(email);
  }

  member(email: string): Locator {
    return this.members.filter({ hasText: email });
  }
}

export class InvitationPage {
  readonly teamName: Locator;
  readonly accept: Locator;

  constructor(readonly page: Page) {
    this.teamName = page.getByTestId("invite-team-name");
    this.accept = page.getByRole("button", { name: /^Accept the invitation to / });
  }

  /** The link in the newest invitation email to `email`. */
  static async linkFor(email: string, resendUrl: string, since: Date): Promise<string> {
    const message = await waitForEmail(resendUrl, email, { since });
    const link = findLink(message, "/invite/");
    expect(link, "invitation link in the email").toBeTruthy();
    return link!;
  }

  /** Opens the link signed out, signs in with the invited address (prefilled) and accepts: ends on the dashboard. */
  async acceptSignedOut(link: string, email: string, resendUrl: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.teamName).toBeVisible();
    await this.page.getByRole("link", { name: "Sign in to accept" }).click();
    const signIn = new SignInPage(this.page);
    await expect(signIn.email).toHaveValue(email);
    await waitForHydration(this.page, "form");
    const since = new Date(Date.now() - 1000);
    await signIn.submit.click();
    await signIn.expectCheckYourEmail();
    await signIn.openMagicLink(email, resendUrl, since);
    await expect(this.page).toHaveURL(new URL(link).pathname);
    await waitForHydration(this.page, "main button");
    await this.accept.click();
    await expect(this.page).toHaveURL(/\/dashboard$/);
  }
}

export class AuditLogPage {
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.entries = page.getByTestId("audit-entry");
  }

  async goto(): Promise<void> {
    await this.page.goto("/dashboard/team/audit");
    await expect(this.page.getByTestId("audit-table")).toBeVisible();
  }

  /** Entries whose label (what) is `label`, by `actor` (an email or key label). */
  entry(label: string, actor: string): Locator {
    return this.entries
      .filter({ has: this.page.getByTestId("audit-label").getByText(label, { exact: true }) })
      .filter({ has: this.page.getByTestId("audit-actor").getByText(actor) });
  }
}
