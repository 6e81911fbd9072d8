import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { readFieldDefinitions } from "@/lib/fields/schemas";
import { SAMPLE_FIELDS } from "@/tests/support/custom-fields";
import { expect, test } from "./fixtures";
import { EmbedHostPage } from "./pages/embed-host-page";
import { HostedPage } from "./pages/hosted-page";
import { QuestionsPage } from "./pages/questions-page";
import { SignupsPage } from "./pages/dashboard-pages";
import { landingPageHtml, startEmbedHost } from "./support/embed-host";
import { createWaitlist, signedInOwner } from "./support/owner-session";
import { closeTestDb, createWaitlist as createWaitlistRow, uniqueEmail } from "./support/test-db";
import { stubTurnstile } from "./turnstile-stub";

// Custom fields end to end against the production server: the owner adds a conditional question on the
// Questions page (live preview included), a visitor sees it appear only after choosing the triggering answer,
// is stopped with an announced error while it is empty, signs up, and the owner finds the answers in the
// signups table and in the CSV export.

test("an owner's conditional question appears for the visitor, and its answer reaches the table and the CSV", async ({ browser, page, run, browserErrors }) => {
  test.setTimeout(120_000);
  const owner = await signedInOwner(browser, run, `asker-${randomBytes(3).toString("hex")}@example.com`);
  const list = await createWaitlist(owner, run, { slug: `ask-${randomBytes(4).toString("hex")}`, title: "Questions beta" });

  const questions = new QuestionsPage(owner.page);
  await questions.goto(list.id);
  await expect(owner.page.getByText("No questions yet")).toBeVisible();
  const role = await questions.addQuestion({ label: "I'm signing up as", type: "Single choice", options: ["myself", "a team"] });
  await role.getByLabel("Answer is").selectOption({ label: "Required" });
  const size = await questions.addQuestion({ label: "Company size", type: "Short text" });
  await size.getByLabel("Answer is").selectOption({ label: "Required when another answer is…" });
  await size.getByLabel("When the answer to").selectOption({ label: "I'm signing up as" });
  await size.getByLabel("is", { exact: true }).selectOption("a team");

  // The live preview answers like the real form: the conditional question shows only for "a team".
  const preview = questions.preview;
  await expect(preview.getByLabel("Company size")).toHaveCount(0);
  await preview.getByLabel("a team").check();
  await expect(preview.getByLabel("Company size")).toBeVisible();
  await questions.saveAndWait();

  // The visitor.
  await stubTurnstile(page);
  const hosted = new HostedPage(page);
  await hosted.goto(list.slug);
  const companySize = page.getByLabel("Company size");
  await expect(companySize).toHaveCount(0);
  await page.getByLabel("myself").check();
  await expect(companySize).toHaveCount(0);
  await page.getByLabel("a team").check();
  await expect(companySize).toBeVisible();
  const email = `visitor-${randomBytes(3).toString("hex")}@example.com`;
  await hosted.email.fill(email);
  await hosted.submit.click();
  // Checked in the browser with the server's validator: announced, marked, focused.
  await expect(page.getByRole("alert").filter({ hasText: "Company size" })).toHaveText('"Company size" needs an answer.');
  await expect(companySize).toHaveAttribute("aria-invalid", "true");
  await expect(companySize).toBeFocused();
  await companySize.fill("11-50");
  await hosted.submit.click();
  await expect(hosted.success).toBeVisible();

  // The owner's table shows the answers as columns.
  const signups = new SignupsPage(owner.page);
  await signups.goto(list.id);
  const row = signups.row(email);
  await expect(row).toContainText("a team");
  await expect(row).toContainText("11-50");
  await expect(owner.page.getByRole("columnheader", { name: "Company size" })).toBeVisible();

  // And the CSV, one column per question in question order.
  const csv = await owner.context.request.get(`/api/waitlists/${list.id}/export.csv`);
  expect(csv.status()).toBe(200);
  const rows = parse(await csv.text(), { columns: true, bom: true }) as Record<string, string>[];
  expect(rows).toEqual([expect.objectContaining({ email, "I'm signing up as": "a team", "Company size": "11-50" })]);

  await owner.context.close();
  expect(browserErrors).toEqual([]);
});

test.afterAll(closeTestDb);

test("the script embed asks the questions on another site, shows the conditional one on cue and sends the answers", async ({ page, run }) => {
  await stubTurnstile(page);
  const w = await createWaitlistRow({ title: "Embedded questions", customFields: readFieldDefinitions(SAMPLE_FIELDS) });
  const host = await startEmbedHost({
    "/": landingPageHtml(`<script src="${run.baseURL}/embed.js" data-waitlist="${w.slug}" async></script>`),
  });
  try {
    const embed = new EmbedHostPage(page);
    await page.goto(host.origin);
    await expect(embed.email).toBeVisible();
    const size = embed.widget.getByLabel("Company size");
    await expect(embed.widget.getByLabel("Your website")).toBeVisible();
    await expect(size).toHaveCount(0);
    await embed.widget.getByLabel("a team").check();
    await expect(size).toBeVisible();
    // The option just chosen keeps the focus although the questions were redrawn.
    await expect(embed.widget.getByLabel("a team")).toBeFocused();

    await embed.email.fill(uniqueEmail("asked"));
    await embed.submit.click();
    // The shared validator stops it in the browser: announced, marked, focused.
    await expect(embed.widget.getByRole("alert")).toHaveText('"Company size" needs an answer.');
    await expect(size).toHaveAttribute("aria-invalid", "true");
    await expect(size).toBeFocused();
    await size.fill("11-50");
    await embed.widget.getByLabel("I accept the terms").check();
    await embed.widget.getByLabel("Free").check();
    await embed.widget.getByLabel("Pro").check();
    const answered = page.waitForRequest((r) => r.url().endsWith(`/api/public/${w.slug}/signup`));
    await embed.submit.click();
    expect((await answered).postDataJSON()).toMatchObject({
      answers: { role: "a team", company_size: "11-50", plans: ["Free", "Pro"], terms: true },
    });
    await expect(embed.heading).toHaveText("You're on the list!");
  } finally {
    await host.close();
  }
});
