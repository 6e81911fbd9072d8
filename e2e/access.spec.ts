import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DASHBOARD_PAGES, discoverDashboardPages, fillPattern, routePattern, type Ids } from "@/tests/support/access-map";
import { expect, test } from "./fixtures";
import type { RunInfo } from "./run-info";
import { apiSignUp } from "./support/hosted-api";
import { addTeamMember, closeTestDb, expiredSessionToken } from "./support/test-db";
import { createWaitlist, signedInOwner, type OwnerSession } from "./support/owner-session";

// The dashboard half of the access map (tests/support/access-map.ts; the API half is tests/access/
// api-access.test.ts), in Chromium against `next start`. Every page is opened signed out, with a forged and an
// expired session cookie (both pass the proxy's cookie-presence redirect, so the pages' own gate must answer),
// as another owner with the first owner's ids, as a viewer of the owner's team (every page of a waitlist is
// readable by every member; what a role may change is the API's to refuse), and as the owner. A page on disk
// without a row fails the first test.

const suffix = randomBytes(4).toString("hex");
const marker = `m${randomBytes(5).toString("hex")}`;
const SESSION_COOKIE = "waitforge_session";

let owner: OwnerSession;
let intruder: OwnerSession;
let viewer: OwnerSession;
let ids: Ids;
let secrets: string[];
let ownerTitle: string;

test.describe.serial("dashboard pages: who may see what", () => {
  test.beforeAll(async ({ browser, run }) => {
    test.setTimeout(90_000);
    owner = await signedInOwner(browser, run, `access-a-${suffix}@example.com`);
    intruder = await signedInOwner(browser, run, `access-b-${suffix}@example.com`);
    ownerTitle = `Secret launch ${marker}`;
    const waitlist = await createWaitlist(owner, run, { slug: `access-${suffix}`, title: ownerTitle, description: `Private plans ${marker}` });
    const fanEmail = `fan-${marker}@example.com`;
    const fan = await apiSignUp(owner.context.request, waitlist.slug, { email: fanEmail, name: `Fan ${marker}` });
    ids = { id: waitlist.id, slug: waitlist.slug, signupId: "", refCode: fan.ref_code };
    viewer = await signedInOwner(browser, run, `access-v-${suffix}@example.com`);
    await addTeamMember(waitlist.id, viewer.email, "viewer");
    // Not the waitlist id: the visitor typed it into the address (it comes back in callbackUrl and route params).
    secrets = [marker, owner.email, waitlist.slug, fanEmail, fan.ref_code];
  });

  test.afterAll(async () => {
    await owner?.context.close();
    await intruder?.context.close();
    await viewer?.context.close();
    await closeTestDb();
  });

  test("every dashboard page on disk has a row in the access map, and every row a page", () => {
    const onDisk = discoverDashboardPages().map(routePattern).sort();
    expect(onDisk).toEqual(Object.keys(DASHBOARD_PAGES).sort());
  });

  for (const [pattern, row] of Object.entries(DASHBOARD_PAGES)) {
    const ofList = pattern.includes(":id");
    test(`${pattern}: signed out or with a dead session -> /sign-in; another owner -> ${ofList ? "404; a viewer of the team -> the page" : "only their own"}; the owner -> the page`, async ({ browser, run }) => {
      const path = fillPattern(pattern, ids);

      for (const cookie of [undefined, randomBytes(32).toString("hex"), await expiredSessionToken(owner.email)]) {
        await withVisitor(browser, run, cookie, async (page) => {
          await page.goto(path);
          await expect(page, `cookie ${cookie ?? "none"}`).toHaveURL(/\/sign-in(\?|$)/);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to WaitForge");
          expect(leaks(await page.content())).toEqual([]);
        });
      }

      const other = await intruder.page.goto(path);
      if (ofList) {
        expect(other?.status(), `another owner at ${pattern}`).toBe(404);
        await expect(intruder.page.getByRole("heading", { level: 1 })).toHaveText("No such waitlist in your account");
      } else {
        expect(other?.status()).toBe(200);
      }
      expect(new URL(intruder.page.url()).pathname).toBe(path);
      // The whole document, RSC payload included: nothing of the first owner's reaches another account.
      expect(leaks(await intruder.page.content())).toEqual([]);

      if (ofList) {
        const seen = await viewer.page.goto(path);
        expect(seen?.status(), `a viewer of the team at ${pattern}`).toBe(200);
        // The layout's heading (the questions page previews the hosted page, with a heading of its own, below it).
        await expect(viewer.page.getByRole("heading", { level: 1 }).first()).toHaveText(ownerTitle);
      }

      const own = await owner.page.goto(path);
      expect(own?.status()).toBe(200);
      const sees = row.ownerSees === "title" ? ownerTitle : row.ownerSees;
      await expect(owner.page.getByRole("main").getByText(sees, { exact: true }).first()).toBeVisible();
    });
  }
});

function leaks(html: string): string[] {
  const lower = html.toLowerCase();
  return secrets.filter((s) => lower.includes(s.toLowerCase()));
}

/** A fresh browser profile holding `token` as its session cookie (none when undefined). */
async function withVisitor(browser: Browser, run: RunInfo, token: string | undefined, fn: (page: Page) => Promise<void>) {
  const context: BrowserContext = await browser.newContext({ baseURL: run.baseURL });
  try {
    if (token) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: run.baseURL }]);
    await fn(await context.newPage());
  } finally {
    await context.close();
  }
}
