import { fetchCapturedEmails, findLink, type CapturedEmail } from "@/tests/support/fake-resend";
import { expect, test } from "./fixtures";
import { HostedPage, StatusPage } from "./pages/hosted-page";
import { LeaveWaitlistPage, StatusLinkRecovery, StatusPrivacyLinks } from "./pages/privacy-pages";
import { apiSignUp } from "./support/hosted-api";
import { closeTestDb, createWaitlist, uniqueEmail } from "./support/test-db";
import { stubTurnstile } from "./turnstile-stub";

// Self-service privacy against the production server and its in-process worker: a welcome email's footer
// downloads the person's data and leaves the waitlist (asking first); a lost status link is recovered from
// the hosted page, and its status page offers the same two things.

test.afterAll(closeTestDb);

/** Polls the fake Resend until a message to `to` whose subject matches arrives. */
async function mailTo(resendUrl: string, to: string, subject: RegExp): Promise<CapturedEmail> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = (await fetchCapturedEmails(resendUrl, to)).find((m) => subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test("a welcome email's footer downloads my data and leaves the waitlist, asking first", async ({ page, request, run, browserErrors }) => {
  // Every spec's signups share the server's queue: this email may wait behind theirs.
  test.setTimeout(90_000);
  const w = await createWaitlist({ title: "Privacy club" });
  await apiSignUp(request, w.slug, { email: uniqueEmail("first") });
  const email = uniqueEmail("pat");
  await apiSignUp(request, w.slug, { email, name: "Pat" });
  const last = await apiSignUp(request, w.slug, { email: uniqueEmail("last") });

  const mail = await mailTo(run.resendUrl, email, /on the Privacy club waitlist/);
  const dataUrl = findLink(mail, "/api/public/data/");
  const leaveUrl = findLink(mail, "/leave/");
  expect(dataUrl).toBeDefined();
  expect(leaveUrl).toBeDefined();

  const data = await request.get(dataUrl!);
  expect(data.status()).toBe(200);
  expect(data.headers()["content-disposition"]).toBe(`attachment; filename="${w.slug}-my-data.json"`);
  expect(data.headers()["cache-control"]).toBe("no-store");
  expect(await data.json()).toMatchObject({ signup: { email, name: "Pat", status: "waiting", position: 2 }, emails: [{ kind: "welcome" }] });

  // Opening the leave link (as a mail scanner would) erases nothing.
  const leave = new LeaveWaitlistPage(page);
  await page.goto(leaveUrl!);
  await leave.expectAsking("Privacy club");
  await page.goto(leaveUrl!);
  expect((await request.get(dataUrl!)).status()).toBe(200);

  await leave.confirm.click();
  await leave.expectLeft("Privacy club");

  // Gone: every link of theirs is dead, and the person behind moved up.
  expect((await request.get(dataUrl!)).status()).toBe(404);
  const status = new StatusPage(page);
  await status.goto(`/w/${w.slug}/status/${last.status_token}`);
  await expect(status.position).toHaveText("#2");
  expect(browserErrors).toEqual([]);
});

test("a lost status link comes back by email from the hosted page; its page downloads my data and leaves", async ({ page, request, run, browserErrors }) => {
  test.setTimeout(90_000);
  await stubTurnstile(page);
  const w = await createWaitlist({ title: "Recovery club" });
  const email = uniqueEmail("lost");
  await apiSignUp(request, w.slug, { email });
  const stranger = uniqueEmail("stranger");

  const hosted = new HostedPage(page);
  await hosted.goto(w.slug);
  const recovery = new StatusLinkRecovery(page);
  // An address not on the list gets the same answer as one that is.
  await recovery.request(stranger);
  await expect(recovery.answer).toHaveText("If that address is on the list, we've sent its link.");
  await recovery.request(email);
  await expect(recovery.answer).toHaveText("If that address is on the list, we've sent its link.");

  const mail = await mailTo(run.resendUrl, email, /^Your link to the Recovery club waitlist$/);
  expect(mail.headers["List-Unsubscribe"]).toBeUndefined();
  // Queued in order behind the listed address's request, nothing went to the stranger.
  expect(await fetchCapturedEmails(run.resendUrl, stranger)).toEqual([]);
  const statusUrl = findLink(mail, `/w/${w.slug}/status/`);
  expect(statusUrl).toBeDefined();

  const status = new StatusPage(page);
  await status.goto(statusUrl!);
  await expect(status.position).toHaveText("#1");
  const links = new StatusPrivacyLinks(page);
  const { download, json } = await links.downloadData();
  expect(download.suggestedFilename()).toBe(`${w.slug}-my-data.json`);
  expect(json).toMatchObject({ waitlist: { title: "Recovery club" }, signup: { email, position: 1 } });

  await links.leave.click();
  const leave = new LeaveWaitlistPage(page);
  await leave.expectAsking("Recovery club");
  await leave.confirm.click();
  await leave.expectLeft("Recovery club");
  expect((await request.get(statusUrl!)).status()).toBe(404);
  expect(browserErrors).toEqual([]);
});

test("the iframe embed offers the same recovery, its captcha solved as the embed's", async ({ page, request, run, browserErrors }) => {
  test.setTimeout(90_000);
  await stubTurnstile(page);
  const w = await createWaitlist({ title: "Framed recovery" });
  const email = uniqueEmail("framed");
  await apiSignUp(request, w.slug, { email });

  expect((await page.goto(`/w/${w.slug}/embed`))?.status()).toBe(200);
  const recovery = new StatusLinkRecovery(page);
  await recovery.request(email);
  await expect(recovery.form.locator('[data-e2e-action="embed"]')).toHaveCount(1);
  await expect(recovery.answer).toHaveText("If that address is on the list, we've sent its link.");
  const mail = await mailTo(run.resendUrl, email, /^Your link to the Framed recovery waitlist$/);
  expect(findLink(mail, `/w/${w.slug}/status/`)).toBeDefined();
  expect(browserErrors).toEqual([]);
});
