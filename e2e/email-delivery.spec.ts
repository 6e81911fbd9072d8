import { randomBytes } from "node:crypto";
import { waitForEmail } from "@/tests/support/fake-resend";
import { expect, test } from "./fixtures";
import { apiSignUp } from "./support/hosted-api";
import { closeJobQueue, lastAttemptNow, welcomeJobState } from "./support/job-queue";
import { createWaitlist, signedInOwner } from "./support/owner-session";

// The owner's "Email delivery" tab against `next start` and its in-process worker: a welcome email the fake
// Resend refuses fails for good, shows up with its recipient and error, and Retry sends it once the address
// is accepted again.

test.afterAll(closeJobQueue);

test("a failed email shows in the owner's dashboard, and Retry sends it", async ({ browser, request, run, browserErrors }) => {
  test.setTimeout(90_000);
  const suffix = randomBytes(3).toString("hex");
  const owner = await signedInOwner(browser, run, `delivery-${suffix}@example.com`);
  const w = await createWaitlist(owner, run, { slug: `delivery-${suffix}`, title: "Delivery club" });
  const email = `bounce-${suffix}@example.com`;
  const page = owner.page;

  await test.step("the provider refuses the address until the job runs out of retries", async () => {
    const refused = await fetch(`${run.resendUrl}/__refuse?to=${encodeURIComponent(email)}`, { method: "POST" });
    expect(refused.status).toBe(200);
    await apiSignUp(request, w.slug, { email });
    await lastAttemptNow(email);
    await expect.poll(() => welcomeJobState(email), { timeout: 30_000 }).toBe("failed");
  });

  await test.step("the owner sees it, with a count on the tab", async () => {
    await page.goto(`/dashboard/w/${w.id}`);
    await expect(page.getByTestId("failed-emails-count")).toHaveText(/^1/);
    await page.getByRole("link", { name: /Email delivery/ }).click();
    await expect(page.getByRole("heading", { name: "Email delivery" })).toBeVisible();
    const row = page.getByTestId("failed-emails").getByRole("row", { name: new RegExp(email) });
    await expect(row).toContainText("Welcome");
    await expect(row).toContainText("The email provider refused the email (validation_error).");
  });

  await test.step("Retry, once the address is accepted, sends the welcome email once", async () => {
    await fetch(`${run.resendUrl}/__refuse?to=${encodeURIComponent(email)}`, { method: "DELETE" });
    const since = new Date();
    await page.getByRole("button", { name: `Retry the email to ${email}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Queued again" })).toBeVisible();
    const mail = await waitForEmail(run.resendUrl, email, { timeoutMs: 60_000, since });
    expect(mail.subject).toBe("You're #1 on the Delivery club waitlist");
    await expect.poll(() => welcomeJobState(email), { timeout: 15_000 }).toBe("completed");
    await page.reload();
    await expect(page.getByText("No failed emails")).toBeVisible();
    await expect(page.getByTestId("failed-emails-count")).toHaveCount(0);
  });
  expect(browserErrors).toEqual([]);
  await owner.context.close();
});

test("the owner turns the referral digest on in Settings, and it stays on", async ({ browser, run, browserErrors }) => {
  const suffix = randomBytes(3).toString("hex");
  const owner = await signedInOwner(browser, run, `digest-${suffix}@example.com`);
  const w = await createWaitlist(owner, run, { slug: `digest-${suffix}`, title: "Digest club" });
  const page = owner.page;
  await page.goto(`/dashboard/w/${w.id}/settings`);
  const toggle = page.getByRole("switch", { name: "Email people when friends join through their link (at most daily)" });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(page.getByTestId("referral-digest-setting").getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(toggle).toBeChecked();
  expect(browserErrors).toEqual([]);
  await owner.context.close();
});
