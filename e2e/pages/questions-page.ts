import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "../hydration";

// Dashboard → Questions (/dashboard/w/<id>/questions): the owner's custom fields editor and its live preview.

export class QuestionsPage {
  readonly cards: Locator;
  readonly add: Locator;
  readonly save: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByTestId("question-card");
    this.add = page.getByRole("button", { name: "Add a question" });
    this.save = page.getByRole("button", { name: "Save questions" });
    this.preview = page.getByTestId("questions-preview");
  }

  async goto(waitlistId: string): Promise<void> {
    await this.page.goto(`/dashboard/w/${waitlistId}/questions`);
    await expect(this.page.getByRole("heading", { name: "Your questions" })).toBeVisible();
    await waitForHydration(this.page, "main");
  }

  card(index: number): Locator {
    return this.cards.nth(index);
  }

  /** Adds a question at the end and fills what every question has. */
  async addQuestion(q: { label: string; type: string; options?: string[] }): Promise<Locator> {
    const before = await this.cards.count();
    await this.add.click();
    const card = this.card(before);
    await card.getByRole("textbox", { name: "Question", exact: true }).fill(q.label);
    await card.getByLabel("Answer type").selectOption({ label: q.type });
    if (q.options) await card.getByLabel("Options").fill(q.options.join("\n"));
    return card;
  }

  async saveAndWait(): Promise<void> {
    await this.save.click();
    await expect(this.page.getByText("Saved. The form shows them now.")).toBeVisible();
  }
}
