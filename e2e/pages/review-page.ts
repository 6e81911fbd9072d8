import type { Locator, Page } from "@playwright/test";
import { waitForHydration } from "../hydration";

// The dashboard's Review page (/dashboard/w/<id>/review): held referral credits and the owner's decisions.

export class ReviewPage {
  readonly rows: Locator;
  readonly empty: Locator;
  readonly result: Locator;
  readonly approve: Locator;
  readonly reject: Locator;
  readonly navBadge: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId("held-row");
    this.empty = page.getByTestId("review-empty");
    this.result = page.getByTestId("review-result");
    this.approve = page.getByRole("button", { name: "Approve credit" });
    this.reject = page.getByRole("button", { name: "Reject (remove)" });
    this.navBadge = page.getByRole("navigation", { name: "Waitlist" }).getByTestId("held-count");
  }

  async goto(waitlistId: string): Promise<void> {
    await this.page.goto(`/dashboard/w/${waitlistId}/review`);
    await waitForHydration(this.page, "main table, main [data-testid=review-empty]");
  }

  row(email: string): Locator {
    return this.rows.filter({ hasText: email });
  }

  select(email: string): Locator {
    return this.page.getByRole("checkbox", { name: `Select ${email}` });
  }

  async confirmReject(count = 1): Promise<void> {
    await this.reject.click();
    await this.page.getByRole("button", { name: `Yes, reject ${count === 1 ? "1 person" : `${count} people`}` }).click();
  }
}
