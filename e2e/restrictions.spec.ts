import { randomBytes } from "node:crypto";
import { RESTRICTION_MESSAGES } from "@/lib/restrictions/messages";
import { expect, test, waitForHydration } from "./fixtures";
import { HostedPage } from "./pages/hosted-page";
import { SignInPage } from "./pages/sign-in-page";
import { stubTurnstile } from "./turnstile-stub";

// Sign-up restrictions end to end against the production server: the owner blocks a domain on the dashboard's
// Restrictions page, a visitor from that domain gets the inline message on the hosted page, and the page's
// per-rule counter shows the refusal.

test("the owner blocks a domain: the hosted form explains the refusal and the counter shows it", async ({ page, run, browserErrors }) => {
  test.setTimeout(90_000);
  await new SignInPage(page).goto("?callbackUrl=%2Fdashboard");
  await new SignInPage(page).signIn(`gatekeeper-${randomBytes(3).toString("hex")}@example.com`, run.resendUrl);
  const slug = `gate-${randomBytes(4).toString("hex")}`;
  const created = await page.request.post("/api/waitlists", { headers: { origin: run.baseURL }, data: { slug, title: "Gated beta" } });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { waitlist: { id: string } }).waitlist.id;

  await page.goto(`/dashboard/w/${id}/restrictions`);
  await waitForHydration(page, `form[aria-label="Sign-up restrictions"]`);
  const counter = (rule: string) => page.locator(`[data-rule="${rule}"] dd`);
  await expect(counter("blocklist")).toHaveText("0");
  await expect(page.getByText("No signups were refused in the last 7 days.")).toBeVisible();
  await expect(page.getByRole("note")).toContainText("COUNTRY_HEADER");
  await page.getByLabel("Blocklist").fill("Farm.Example");
  await page.getByRole("button", { name: "Save restrictions" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  // The stored, normalized form replaces what was typed.
  await expect(page.getByLabel("Blocklist")).toHaveValue("farm.example");

  await stubTurnstile(page);
  const hosted = new HostedPage(page);
  await hosted.goto(slug);
  await hosted.signUp("ann@farm.example", "Ann");
  await expect(page.getByText(RESTRICTION_MESSAGES.email_blocked)).toBeVisible();
  await expect(hosted.success).toBeHidden();

  await page.goto(`/dashboard/w/${id}/restrictions`);
  await expect(counter("blocklist")).toHaveText("1");
  await expect(counter("disposable")).toHaveText("0");
  // The refused signup's 403 is logged by Chromium as a failed resource: expected, nothing else is.
  expect(browserErrors.filter((e) => !e.includes("status of 403"))).toEqual([]);
});
