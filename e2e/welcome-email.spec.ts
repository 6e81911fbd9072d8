import { findLink, waitForEmail } from "@/tests/support/fake-resend";
import { expect, test } from "./fixtures";
import { apiSignUp } from "./support/hosted-api";
import { closeTestDb, createWaitlist, uniqueEmail } from "./support/test-db";

// Against the production server as `npm start` runs it: its in-process worker (WORKER_MODE=inline, started by
// instrumentation) mails the welcome email through the fake Resend, and the email's unsubscribe link asks
// before it unsubscribes, under the real CSP, without a login.

test.afterAll(closeTestDb);

test("the welcome email arrives from the running server; its unsubscribe link asks first and keeps the place", async ({
  page,
  request,
  run,
  browserErrors,
}) => {
  // Every spec's signups share the server's queue: this email may wait behind theirs.
  test.setTimeout(90_000);
  const w = await createWaitlist({ title: "Mail club" });
  const email = uniqueEmail("welcome");
  await apiSignUp(request, w.slug, { email });

  const mail = await waitForEmail(run.resendUrl, email, { timeoutMs: 60_000 });
  expect(mail.subject).toBe("You're #1 on the Mail club waitlist");
  expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /^<(.+)>$/.exec(mail.headers["List-Unsubscribe"] ?? "")?.[1];
  expect(oneClick).toMatch(/\/api\/public\/unsubscribe\/[A-Za-z0-9_-]{32}$/);
  const confirmPage = findLink(mail, "/unsubscribe/");
  expect(confirmPage).toBeDefined();

  // Opening the link (as a mail scanner would) unsubscribes nobody.
  await page.goto(confirmPage!);
  await expect(page.getByText("Unsubscribe from Mail club?")).toBeVisible();
  await page.goto(oneClick!);
  await expect(page.getByText("Unsubscribe from Mail club?")).toBeVisible();

  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByText("You're unsubscribed")).toBeVisible();
  await expect(page.getByText("You keep your place in line.")).toBeVisible();

  // A mail client's one-click POST on the header's URL is fine too, and the person is still first in line.
  const res = await request.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(res.status()).toBe(200);
  expect((await apiSignUp(request, w.slug, { email })).position).toBe(1);
  expect(browserErrors).toEqual([]);
});
