import { findLink, waitForEmail } from "@/tests/support/fake-resend";
import { expect, test } from "./fixtures";
import { waitForHydration } from "./hydration";
import { HostedPage, StatusPage } from "./pages/hosted-page";
import { apiSignUp } from "./support/hosted-api";
import { createWaitlist as createOwnedWaitlist, signedInOwner } from "./support/owner-session";
import { closeTestDb, createWaitlist, uniqueEmail, uniqueSlug } from "./support/test-db";
import { stubTurnstile } from "./turnstile-stub";

// Double opt-in through the running server: the hosted page's signup is pending and says so, the
// confirmation email arrives through the in-process worker, opening its link changes nothing until the
// button is pressed, and confirming shows the place in line on the private status page.

test.beforeEach(async ({ page }) => {
  await stubTurnstile(page);
});
test.afterAll(closeTestDb);

test("sign up on a double opt-in list, confirm from the email, see the place", async ({ page, request, run, browserErrors }) => {
  // The server's queue is shared with every other spec's signups: the email may wait behind theirs.
  test.setTimeout(90_000);
  const w = await createWaitlist({ title: "Opt club", doubleOptIn: true });
  // Someone confirmed earlier is ahead (confirmed through the JSON answer of the same endpoint).
  const ahead = uniqueEmail("ahead");
  await apiSignUp(request, w.slug, { email: ahead });
  const aheadLink = findLink(await waitForEmail(run.resendUrl, ahead, { timeoutMs: 60_000 }), "/confirm/");
  const aheadToken = aheadLink!.split("/confirm/")[1]!;
  const confirmed = await request.post(`/api/public/confirm/${aheadToken}`);
  expect(await confirmed.json()).toEqual({ ok: true, confirmed: true, status: "waiting", position: 1 });

  const hosted = new HostedPage(page);
  await hosted.goto(w.slug);
  const email = uniqueEmail("optin");
  await hosted.signUp(email, "Ada");
  await expect(hosted.successHeading).toHaveText("Check your inbox to confirm");
  await expect(page.getByTestId("signup-pending")).toContainText("#2 right now");

  const mail = await waitForEmail(run.resendUrl, email, { timeoutMs: 60_000 });
  expect(mail.subject).toBe("Confirm your spot on Opt club");
  expect(mail.headers["List-Unsubscribe"]).toBeUndefined();
  const link = findLink(mail, "/confirm/");
  expect(link).toMatch(/\/confirm\/[A-Za-z0-9_-]{32}$/);

  // Opening the link (as a mail scanner would), twice, confirms nothing.
  await page.goto(link!);
  await page.goto(link!);
  await expect(page.getByText("Confirm your spot on Opt club")).toBeVisible();

  await page.getByRole("button", { name: "Confirm my spot" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${w.slug}/status/[A-Za-z0-9_-]{32}\\?confirmed=1$`));
  await expect(page.getByTestId("status-confirmed")).toBeVisible();
  const status = new StatusPage(page);
  await expect(status.position).toHaveText("#2");
  await expect(status.shareLink).toHaveValue(new RegExp(`/w/${w.slug}\\?ref=[A-Z0-9]{8}$`));

  // The welcome follows the confirmation.
  await expect
    .poll(async () => (await waitForEmail(run.resendUrl, email)).subject, { timeout: 60_000 })
    .toBe("You're #2 on the Opt club waitlist");

  expect(browserErrors).toEqual([]);

  // The link again: single-use, so not found now (a 404 document logs a resource error, hence the check above),
  // pointing to "Email me my link" instead of minting another status link.
  const again = await page.goto(link!);
  expect(again?.status()).toBe(404);
  await expect(page.getByTestId("confirm-not-found")).toContainText("Email me my link");
});

test("the owner switches double opt-in on in the settings, and sees pending people marked in the list", async ({ browser, request, run }) => {
  test.setTimeout(60_000);
  const owner = await signedInOwner(browser, run, uniqueEmail("owner"));
  const w = await createOwnedWaitlist(owner, run, { slug: uniqueSlug("optin"), title: "Switch club" });
  const { page } = owner;
  await page.goto(`/dashboard/w/${w.id}/settings`);
  const toggle = page.getByRole("switch", { name: "Require email confirmation (double opt-in)" });
  await expect(toggle).not.toBeChecked();
  await waitForHydration(page, "[data-testid=double-opt-in-setting] input");
  await toggle.check();
  await expect(page.getByText("On: new signups confirm their email first.")).toBeVisible();
  await expect(toggle).toBeEnabled();
  await page.reload();
  await expect(toggle).toBeChecked();

  const email = uniqueEmail("pending");
  const answer = await apiSignUp(request, w.slug, { email });
  expect(answer).toMatchObject({ position: 1, status: "pending" });

  await page.goto(`/dashboard/w/${w.id}/signups?status=pending`);
  const row = page.getByTestId("signup-row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row.getByText("Pending", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Let in ${email}` })).toHaveCount(0);
  await owner.context.close();
});
