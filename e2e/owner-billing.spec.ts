import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import Stripe from "stripe";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_STRIPE } from "./run-info";

// The owner's side of plans: "Upgrade to Pro" goes to Stripe Checkout (the fake Stripe's page), the
// webhook turns the waitlist Pro ("Manage billing" appears), and the Pro-only CSV import previews, imports
// and reports skipped rows.

test("an owner upgrades a waitlist through Stripe and imports a CSV on Pro", async ({ page, run }) => {
  test.setTimeout(90_000);
  const email = `billing-${randomBytes(3).toString("hex")}@example.com`;
  await new SignInPage(page).goto("?callbackUrl=%2Fdashboard");
  await new SignInPage(page).signIn(email, run.resendUrl);

  const slug = `paid-${randomBytes(3).toString("hex")}`;
  const created = await page.request.post("/api/waitlists", {
    headers: { origin: run.baseURL },
    data: { slug, title: "Paid launch" },
  });
  expect(created.status()).toBe(201);
  const waitlistId = ((await created.json()) as { waitlist: { id: string } }).waitlist.id;

  await test.step("Free: import is Pro-only, and Upgrade opens Stripe Checkout", async () => {
    await page.goto(`/dashboard/w/${waitlistId}/import`);
    await expect(page.getByTestId("import-pro-only")).toBeVisible();
    await page.goto(`/dashboard/w/${waitlistId}`);
    await expect(page.getByTestId("plan-badge")).toHaveText("Free");
    await page.getByRole("button", { name: "Upgrade to Pro" }).click();
    await page.waitForURL(new RegExp(`^${run.stripeUrl}/pay/cs_test_`));
  });

  await test.step("the webhook makes it Pro", async () => {
    const subscription = `sub_owner_${randomBytes(4).toString("hex")}`;
    await page.request.post(`${run.stripeUrl}/__subscriptions`, {
      data: { id: subscription, status: "active", customer: "cus_owner", metadata: { waitlist_id: waitlistId } },
    });
    const payload = JSON.stringify({
      id: `evt_owner_${randomBytes(6).toString("hex")}`,
      object: "event",
      type: "checkout.session.completed",
      data: { object: { id: "cs_owner", object: "checkout.session", subscription, metadata: { waitlist_id: waitlistId } } },
    });
    const res = await page.request.post(`${run.baseURL}/api/stripe/webhook`, {
      headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: E2E_STRIPE.webhookSecret }), "content-type": "application/json" },
      data: payload,
    });
    expect(res.status()).toBe(200);
    await page.goto(`/dashboard/w/${waitlistId}?billing=success`);
    await expect(page.getByTestId("plan-badge")).toHaveText("Pro");
    await expect(page.getByTestId("billing-notice")).toContainText("Thanks");
    await expect(page.getByRole("button", { name: "Manage billing" })).toBeVisible();
  });

  await test.step("Pro: a CSV is previewed, imported, and its skipped rows reported", async () => {
    await page.goto(`/dashboard/w/${waitlistId}/import`);
    const csv = "Email Address,Full Name,joined_at\nada@example.com,Ada,2024-01-01\nnot-an-email,Bob,\ngrace@example.com,Grace,2024-02-01\n";
    await page.locator('input[type="file"]').setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const preview = page.getByTestId("import-preview");
    await expect(preview).toContainText("2 people ready to import, 1 rows will be skipped");
    await expect(preview).toContainText("Email Address");
    await page.getByRole("button", { name: "Import 2 people" }).click();
    await expect(page.getByTestId("import-done")).toContainText("Imported 2 people; skipped 1.");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the report of skipped rows" }).click();
    expect((await download).suggestedFilename()).toBe("import-report.csv");

    await page.goto(`/dashboard/w/${waitlistId}/signups`);
    await expect(page.getByText("ada@example.com")).toBeVisible();
    await expect(page.getByText("grace@example.com")).toBeVisible();
  });

  await test.step("letting someone in takes them out of the line; the people behind move up", async () => {
    const row = (email: string) => page.getByTestId("signup-row").filter({ hasText: email });
    await expect(row("grace@example.com").locator("td").first()).toHaveText("2");
    await page.getByRole("button", { name: "Let in ada@example.com" }).click();
    await expect(row("ada@example.com").getByText("Invited", { exact: true })).toBeVisible();
    await expect(row("ada@example.com").getByRole("button", { name: /^Let in/ })).toHaveCount(0);
    await expect(row("grace@example.com").locator("td").first()).toHaveText("1");
  });

  await test.step("the filtered export downloads only the people who joined after a date", async () => {
    await page.getByText("Export with filters").click();
    const form = page.getByTestId("export-form");
    await form.getByLabel("Joined on or after").fill("2024-01-15");
    const download = page.waitForEvent("download");
    await form.getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${slug}-signups-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const text = await readFile((await file.path())!, "utf8");
    expect(text).toContain("grace@example.com");
    expect(text).not.toContain("ada@example.com");
  });
});
