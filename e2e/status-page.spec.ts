import { expect, test, waitForHydration } from "./fixtures";
import { StatusPage } from "./pages/hosted-page";
import { apiSignUp } from "./support/hosted-api";
import { closeTestDb, createWaitlist, uniqueEmail } from "./support/test-db";

// The private status page stays live: when a friend joins through the share link, the place shown moves up
// without the visitor reloading (the page re-renders from the server on an interval and on returning to
// the tab).

test.afterAll(closeTestDb);

test("the private status page shows a new place without a reload", async ({ page, request }) => {
  // Boost 1: the friend moves me up exactly one place.
  const w = await createWaitlist({ title: "Live line", referralBoost: 1 });
  await apiSignUp(request, w.slug, { email: uniqueEmail("first") });
  await apiSignUp(request, w.slug, { email: uniqueEmail("second") });
  const me = await apiSignUp(request, w.slug, { email: uniqueEmail("me") });
  expect(me.status_token).toBeTruthy();

  const status = new StatusPage(page);
  await status.goto(`/w/${w.slug}/status/${me.status_token}`);
  await waitForHydration(page, "[data-testid=signup-status]");
  await expect(status.position).toHaveText("#3");
  await expect(status.referrals).toHaveText("0");

  await apiSignUp(request, w.slug, { email: uniqueEmail("friend"), ref: me.ref_code });
  // Coming back to the tab refreshes at once (the interval would, within 30 s).
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(status.position).toHaveText("#2");
  await expect(status.referrals).toHaveText("1");
});
