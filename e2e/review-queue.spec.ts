import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";

// The review queue end to end against the production server (TRUSTED_PROXY_HOPS=0: every request here comes
// from 127.0.0.1): the owner lowers the per-IP threshold on the Restrictions page, friends of one referrer join
// from that one IP, and the owner approves one held credit and rejects another on the Review page.

const tag = () => randomBytes(4).toString("hex");

async function join(request: APIRequestContext, slug: string, email: string, ref?: string) {
  const r = await request.post(`/api/public/${slug}/signup`, {
    data: { email, ref, turnstile: `e2e-pass-${randomBytes(6).toString("hex")}` },
  });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as { ref_code: string; position: number };
}

test("held credits: the owner sees why, approves one (the referrer moves up) and rejects one (removed)", async ({ page, request, run, browserErrors }) => {
  test.setTimeout(90_000);
  await new SignInPage(page).goto("?callbackUrl=%2Fdashboard");
  await new SignInPage(page).signIn(`reviewer-${tag()}@example.com`, run.resendUrl);
  const slug = `farm-${tag()}`;
  const created = await page.request.post("/api/waitlists", { headers: { origin: run.baseURL }, data: { slug, title: "Farmed launch" } });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { waitlist: { id: string } }).waitlist.id;

  const review = new ReviewPage(page);
  await review.goto(id);
  await expect(review.empty).toContainText("Nothing to review");
  await expect(review.navBadge).toHaveCount(0);

  // More than 1 friend from one IP within the window: held.
  await page.goto(`/dashboard/w/${id}/restrictions`);
  await waitForHydration(page, `form[aria-label="Sign-up restrictions"]`);
  await expect(page.getByLabel("Friends per IP address")).toHaveValue("3");
  await page.getByLabel("Friends per IP address").fill("1");
  await page.getByRole("button", { name: "Save restrictions" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  const run_ = tag();
  for (let i = 0; i < 3; i++) await join(request, slug, `early-${i}-${run_}@example.com`);
  const referrer = `referrer-${run_}@example.com`;
  const { ref_code } = await join(request, slug, referrer);
  const friends = [0, 1, 2].map((i) => `friend-${i}-${run_}@example.com`);
  for (const f of friends) await join(request, slug, f, ref_code);
  const [credited, approved, rejected] = friends as [string, string, string];

  await review.goto(id);
  await expect(review.navBadge).toHaveText("2 held for review");
  await expect(review.rows).toHaveCount(2);
  await expect(review.row(credited)).toHaveCount(0);
  await expect(review.row(approved)).toContainText("Several signups from the same IP address credited this referrer within 1 h.");
  await expect(review.row(approved)).toContainText("127.0.0.0/24");
  await expect(review.row(approved).getByTestId("referrer-counts")).toHaveText("1 referrals credited · 2 held");

  // The referrer's tree: the credited friend and the two held ones, held highlighted.
  await page.getByRole("button", { name: `View referral tree of ${referrer}` }).click();
  const tree = page.getByRole("list", { name: `Referral tree of ${referrer}` });
  await expect(tree.getByTestId("tree-node")).toHaveCount(4);
  await expect(tree.locator('[data-credit="held"]')).toHaveCount(2);
  await expect(tree.locator('[data-credit="credited"]')).toContainText(credited);

  await review.select(approved).check();
  await review.approve.click();
  await expect(review.result).toHaveText("Approved the credit of 1 person.");
  await expect(review.rows).toHaveCount(1);
  await expect(review.row(rejected).getByTestId("referrer-counts")).toHaveText("2 referrals credited · 1 held");
  await expect(review.navBadge).toHaveText("1 held for review");

  await review.select(rejected).check();
  await review.confirmReject();
  await expect(review.result).toHaveText("Rejected 1 person: removed from the list.");
  await expect(review.empty).toBeVisible();
  await expect(review.navBadge).toHaveCount(0);

  await page.goto(`/dashboard/w/${id}/signups?status=all`);
  await waitForHydration(page, "main table");
  const row = (email: string) => page.getByTestId("signup-row").filter({ hasText: email });
  await expect(row(rejected)).toContainText("Removed");
  await expect(row(approved)).toContainText("Waiting");
  // The referrer's own row: searched for, since the friends' rows name them too (Referred by).
  await page.goto(`/dashboard/w/${id}/signups?status=all&q=${encodeURIComponent(referrer)}`);
  await waitForHydration(page, "main table");
  await expect(page.getByTestId("signup-row")).toHaveCount(1);
  await expect(page.getByTestId("signup-row").getByTestId("signup-referrals")).toHaveText("2");
  expect(browserErrors).toEqual([]);
});
