import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { fetchCapturedEmails, findLink } from "@/tests/support/fake-resend";
import { expect, test } from "./fixtures";
import { ARTIFACTS_DIR } from "./run-info";
import { stubTurnstile } from "./turnstile-stub";
import {
  inlineError,
  NewWaitlistPage,
  OverviewPage,
  SettingsPage,
  SignupsPage,
  WaitlistsPage,
} from "./pages/dashboard-pages";
import { SignInPage } from "./pages/sign-in-page";

// An owner's whole journey through the dashboard in real Chromium against `next start`: magic-link sign-in,
// a new waitlist, theme edits seen in the live preview and on the hosted page, a signup arriving and being
// removed, sign-out. What another owner (or nobody) may reach is the access table's: e2e/access.spec.ts.

const SCREENSHOTS = path.join(ARTIFACTS_DIR, "screenshots");
const suffix = randomBytes(3).toString("hex");
const ownerA = `owner-a-${suffix}@example.com`;
const slug = `rocket-${suffix}`;

// lib/dev/seed.ts's demo owner and list (that module is server-only, so not importable here).
const DEMO_OWNER_EMAIL = "demo@waitforge.local";
const DEMO_SLUG = "demo";

/** A screenshot of the whole page at its natural height (sticky bars where a visitor sees them). */
async function shot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 4000) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(viewport);
}

// Shared by the serial tests below: the first owner's waitlist.
let waitlistId = "";

test.describe.serial("owner dashboard", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("an owner signs in by magic link, creates a waitlist and styles it", async ({ page, run, browserErrors }) => {
    test.setTimeout(90_000);
    const signIn = new SignInPage(page);

    await test.step("signed-out visitors are sent to sign-in, which validates inline", async () => {
      await page.goto("/dashboard");
      await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
      await signIn.goto("?callbackUrl=%2Fdashboard");
      await signIn.requestLink("not-an-email");
      await expect.poll(() => inlineError(signIn.email)).toBe("Enter a valid email address, like alice@example.com.");
      await expect(page).toHaveURL(/\/sign-in/);
      await shot(page, "00-sign-in-error");
    });

    await test.step("the link from the email signs them in", async () => {
      const since = new Date(Date.now() - 1000);
      await signIn.requestLink(ownerA);
      await signIn.expectCheckYourEmail();
      await expect(page.getByText("The link works once and expires in 15 minutes.")).toBeVisible();
      await shot(page, "00b-check-your-email");
      await signIn.openMagicLink(ownerA, run.resendUrl, since);
      await expect(page).toHaveURL(/\/dashboard$/);
      const list = new WaitlistsPage(page);
      await expect(list.heading).toBeVisible();
      await expect(list.signedInEmail).toHaveText(ownerA);
      await expect(list.createFirst).toBeVisible();
      await shot(page, "01-dashboard-empty");
    });

    await test.step("a used link is refused with a clear message", async () => {
      const used = findLink((await fetchCapturedEmails(run.resendUrl, ownerA)).at(-1)!);
      expect(used).toBeTruthy();
      const other = await page.context().browser()!.newPage();
      await other.goto(used!);
      await expect(other.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
      await other.close();
    });

    const create = new NewWaitlistPage(page);
    await test.step("new waitlist: live slug validation and a taken slug shown inline", async () => {
      await new WaitlistsPage(page).createFirst.click();
      await expect(page).toHaveURL(/\/dashboard\/new$/);
      await create.goto();
      await create.title.fill("Rocket Launch");
      await expect(create.slug).toHaveValue("rocket-launch");
      await create.slug.fill("-nope");
      await expect.poll(() => inlineError(create.slug)).toMatch(/lower-case letters, digits and dashes/);
      await create.slug.fill("admin");
      await expect.poll(() => inlineError(create.slug)).toBe("This address is reserved; pick another.");
      await create.slug.fill("demo"); // the seeded demo waitlist owns it
      await create.submit.click();
      await expect.poll(() => inlineError(create.slug)).toBe("The address /w/demo is already taken. Try another.");
      await shot(page, "01b-new-waitlist-taken");
    });

    await test.step("creating goes straight to a live page", async () => {
      await create.slug.fill(slug);
      await create.submit.click();
      await expect(page).toHaveURL(/\/dashboard\/w\/[^/?]+\?created=1$/);
      waitlistId = new URL(page.url()).pathname.split("/").at(-1)!;
      const overview = new OverviewPage(page);
      await expect(overview.liveBanner).toContainText(`${run.baseURL}/w/${slug}`);
      await expect(overview.stat("Total signups")).toHaveText("0");
      await expect(overview.snippet("script")).toHaveText(
        `<script src="${run.baseURL}/embed.js" data-waitlist="${slug}" async></script>`,
      );
      await expect(overview.snippet("iframe")).toContainText(`${run.baseURL}/w/${slug}/embed`);
      await expect(overview.snippet("curl")).toContainText(`${run.baseURL}/api/public/${slug}/signup`);
      const hosted = await page.request.get(`/w/${slug}`);
      expect(hosted.status()).toBe(200);
      await shot(page, "02-overview-new");
    });

    await test.step("settings: inline validation, live preview, saved through the API", async () => {
      const settings = new SettingsPage(page);
      await settings.goto(waitlistId);
      await expect(settings.previewTitle).toHaveText("Rocket Launch");

      await settings.primary.fill("#12");
      await expect.poll(() => inlineError(settings.primary)).toBe("Use a hex colour such as #4f46e5");
      await settings.title.fill("");
      await expect.poll(() => inlineError(settings.title)).toBe("Give the waitlist a title.");
      await settings.save.click();
      await expect(settings.status).toHaveText("Fix the highlighted fields, then save again.");

      await settings.primary.fill("#e11d48");
      await settings.title.fill("Rocket Launch Club");
      await settings.font.selectOption("fraunces");
      await expect.poll(() => inlineError(settings.primary)).toBeNull();
      await expect(settings.previewTitle).toHaveText("Rocket Launch Club");
      await expect(settings.previewButton).toHaveCSS("background-color", "rgb(225, 29, 72)");
      await shot(page, "03-settings");

      await settings.save.click();
      await expect(settings.status).toHaveText("Saved. Your hosted page shows the changes now.");
      await expect(page.getByRole("heading", { level: 1, name: "Rocket Launch Club" })).toBeVisible();
    });

    await test.step("the hosted page shows the saved theme", async () => {
      const hosted = await page.context().newPage();
      await stubTurnstile(hosted);
      await hosted.goto(`/w/${slug}`);
      await expect(hosted.getByRole("heading", { level: 1 })).toHaveText("Rocket Launch Club");
      await expect(hosted.getByRole("button", { name: "Join the waitlist" })).toHaveCSS("background-color", "rgb(225, 29, 72)");
      await hosted.close();
    });

    // Chromium logs every non-2xx fetch; the one 409 is the slug-taken answer this test provoked.
    expect(browserErrors.filter((e) => !/409 \(Conflict\) \(\S+\/api\/waitlists\)/.test(e))).toEqual([]);
  });

  test("a signup appears in the table and can be removed; then the owner signs out", async ({ page, run, browserErrors }) => {
    test.setTimeout(60_000);
    expect(waitlistId, "the first test created the waitlist").not.toBe("");
    await new SignInPage(page).goto(`?callbackUrl=${encodeURIComponent(`/dashboard/w/${waitlistId}/signups`)}`);
    await new SignInPage(page).signIn(ownerA, run.resendUrl, new RegExp(`/dashboard/w/${waitlistId}/signups$`));
    const signups = new SignupsPage(page);
    await expect(signups.empty).toBeVisible();

    const person = `fan-${suffix}@example.com`;
    const res = await page.request.post(`/api/public/${slug}/signup`, {
      data: { email: person, name: "Fan Person", turnstile: `pass-${randomBytes(6).toString("hex")}` },
    });
    expect(res.status(), await res.text()).toBe(200);

    await signups.goto(waitlistId);
    await expect(signups.rows).toHaveCount(1);
    await expect(signups.row(person)).toContainText("Fan Person");
    await expect(signups.row(person).locator("td").first()).toHaveText("1");
    await signups.search.fill("nobody-matches");
    await expect(page.getByText("Nobody matches this filter")).toBeVisible();
    await signups.search.fill("fan-");
    await expect(signups.rows).toHaveCount(1);
    await shot(page, "04-signups");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = await (await download).createReadStream().then(async (stream) => {
      let text = "";
      for await (const chunk of stream) text += String(chunk);
      return text;
    });
    expect(csv).toContain(person);

    await signups.row(person).getByRole("button", { name: `Remove ${person}` }).click();
    await signups.row(person).getByRole("button", { name: `Yes, remove ${person}` }).click();
    await expect(signups.rows).toHaveCount(0);
    await page.reload();
    await expect(signups.empty).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expect(page.getByRole("status")).toHaveText("You're signed out. See you soon.");
    await page.goto(`/dashboard/w/${waitlistId}`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    expect(browserErrors).toEqual([]);
  });

  test("the seeded demo owner sees stats, a chart, referrers and the queue", async ({ page, run, browserErrors }) => {
    test.setTimeout(60_000);
    await new SignInPage(page).goto();
    await new SignInPage(page).signIn(DEMO_OWNER_EMAIL, run.resendUrl);
    const list = new WaitlistsPage(page);
    const cards = list.list.getByRole("heading").getByRole("link");
    await expect(cards).toHaveCount(1);
    await shot(page, "06-dashboard-list");

    await cards.first().click();
    const overview = new OverviewPage(page);
    await expect(page.getByRole("link", { name: new RegExp(`/w/${DEMO_SLUG}`) }).first()).toBeVisible();
    await expect(overview.stat("Total signups")).not.toHaveText("0");
    await expect(page.getByRole("img", { name: /Signups per day/ })).toBeVisible();
    await expect(page.getByRole("list").filter({ hasText: "ada@example.com" })).toBeVisible();
    await shot(page, "07-overview-demo");

    await overview.tab("Signups").click();
    await expect(new SignupsPage(page).rows.first()).toBeVisible();
    await shot(page, "08-signups-demo");

    await overview.tab("Settings").click();
    await expect(new SettingsPage(page).previewTitle).toBeVisible();
    await shot(page, "09-settings-demo");

    // The same pages on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await overview.tab("Overview").click();
    await expect(overview.stat("Total signups")).toBeVisible();
    await shot(page, "10-overview-mobile");
    await overview.tab("Signups").click();
    await expect(new SignupsPage(page).rows.first()).toBeVisible();
    await shot(page, "11-signups-mobile");
    expect(browserErrors).toEqual([]);
  });
});
