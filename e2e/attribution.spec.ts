import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, test, waitForHydration } from "./fixtures";
import { HostedPage } from "./pages/hosted-page";
import { SignupsPage } from "./pages/dashboard-pages";
import { ARTIFACTS_DIR, type RunInfo } from "./run-info";
import { SignInPage } from "./pages/sign-in-page";
import { stubTurnstile } from "./turnstile-stub";

// Where people came from, end to end against the production server: a visitor lands on the hosted page from a
// launch post (?utm_source=hn&utm_campaign=launch, referred by news.ycombinator.com) and signs up, another comes
// straight in; the owner sees "hn" in the signups table (and filters by it), in Top sources on the overview
// and in the CSV export.

const suffix = randomBytes(3).toString("hex");

/** A visitor in a browser of their own (no saved signup), landing on `path` from `referer`. */
async function visitAndSignUp(browser: Browser, run: RunInfo, path: string, email: string, referer?: string) {
  const context = await browser.newContext({ baseURL: run.baseURL });
  const page = await context.newPage();
  await stubTurnstile(page);
  const response = await page.goto(path, referer ? { referer } : {});
  expect(response?.status()).toBe(200);
  await waitForHydration(page, "form");
  const hosted = new HostedPage(page);
  await hosted.signUp(email);
  await expect(hosted.success).toBeVisible();
  await context.close();
}

test("a visitor from a utm link is attributed in the table, Top sources and the CSV", async ({ page, browser, run, browserErrors }) => {
  test.setTimeout(120_000);
  await new SignInPage(page).goto("?callbackUrl=%2Fdashboard");
  await new SignInPage(page).signIn(`sources-${suffix}@example.com`, run.resendUrl);
  const slug = `launch-${suffix}`;
  const created = await page.request.post("/api/waitlists", { headers: { origin: run.baseURL }, data: { slug, title: "Launch day" } });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { waitlist: { id: string } }).waitlist.id;

  const fromHn = `reader-${suffix}@example.com`;
  const direct = `walk-in-${suffix}@example.com`;
  await visitAndSignUp(browser, run, `/w/${slug}?utm_source=hn&utm_campaign=launch`, fromHn, "https://news.ycombinator.com/item?id=42");
  await visitAndSignUp(browser, run, `/w/${slug}`, direct);

  const signups = new SignupsPage(page);
  await test.step("the table shows each person's source, its details, and filters by it", async () => {
    await signups.goto(id);
    await expect(signups.rows).toHaveCount(2);
    const row = signups.row(fromHn);
    await expect(row.locator("summary")).toHaveText(/^hn/);
    await expect(signups.row(direct).getByText("direct", { exact: true })).toBeVisible();
    await row.locator("summary").click();
    await expect(row.getByText("launch", { exact: true })).toBeVisible();
    await expect(row.getByText("news.ycombinator.com", { exact: true })).toBeVisible();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "screenshots", "attribution-table.png") });

    await page.getByTestId("source-filter").selectOption("hn");
    await expect(signups.rows).toHaveCount(1);
    await expect(signups.row(fromHn)).toBeVisible();
    await expect(page).toHaveURL(/[?&]source=hn(&|$)/);
    await page.getByTestId("source-filter").selectOption("");
    await expect(signups.rows).toHaveCount(2);
  });

  await test.step("the overview's Top sources counts them and links to the filtered table", async () => {
    await page.goto(`/dashboard/w/${id}`);
    const top = page.getByTestId("top-sources");
    await expect(top.getByRole("listitem")).toHaveCount(2);
    await expect(top.getByRole("listitem").filter({ hasText: "hn" })).toContainText("1");
    await expect(top.getByRole("listitem").filter({ hasText: "direct" })).toContainText("1");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "screenshots", "attribution-overview.png"), fullPage: true });
    await top.getByRole("link", { name: "hn" }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/w/${id}/signups\\?source=hn$`));
    await waitForHydration(page, "main table");
    await expect(signups.rows).toHaveCount(1);
  });

  await test.step("the CSV export has the source, utm and referring-site columns", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const text = await readFile((await (await download).path())!, "utf8");
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((r) => r.email === fromHn)).toMatchObject({
      source: "hn",
      utm_source: "hn",
      utm_campaign: "launch",
      referring_site: "news.ycombinator.com",
    });
    expect(rows.find((r) => r.email === direct)).toMatchObject({ source: "direct", utm_source: "", referring_site: "" });
  });

  expect(browserErrors).toEqual([]);
});
