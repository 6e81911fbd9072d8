import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { ApiKeysPage } from "./pages/api-keys-page";
import { createWaitlist, signedInOwner } from "./support/owner-session";

// The owner makes an API key in the dashboard, copies its secret, calls the owner API with it from outside the
// browser (no cookie, another site's Origin), sees it used, revokes it, and the same call is refused.

test("an API key made in the dashboard works on the owner API until it is revoked", async ({ browser, request, run }) => {
  test.setTimeout(60_000);
  const owner = await signedInOwner(browser, run, `keys-${randomBytes(3).toString("hex")}@example.com`, "/dashboard");
  const waitlist = await createWaitlist(owner, run, { slug: `keys-${randomBytes(4).toString("hex")}`, title: "Keyed launch" });
  const errors: string[] = [];
  owner.page.on("pageerror", (e) => errors.push(e.message));
  owner.page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.includes("_rsc=")) errors.push(m.text());
  });
  await owner.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: run.baseURL });

  const keysPage = new ApiKeysPage(owner.page);
  await owner.page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "API keys" }).click();
  await expect(keysPage.heading).toBeVisible();
  await keysPage.goto();
  await expect(keysPage.empty).toBeVisible();

  // Empty name: an inline error, nothing created.
  await keysPage.create.click();
  await expect(owner.page.getByRole("alert").filter({ hasText: "Give the key a name." })).toBeVisible();

  await keysPage.createKey("CI deploys", "Read and write");
  await expect(owner.page.getByText("You won’t see it again")).toBeVisible();
  const shown = (await keysPage.secret.textContent())?.trim() ?? "";
  expect(shown).toMatch(/^wf_live_[0-9A-Za-z]{32}$/);
  await keysPage.copy.click();
  await expect(keysPage.copy).toHaveText(/Copied/);
  const secret = await owner.page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toBe(shown);

  await keysPage.done.click();
  await expect(keysPage.secret).toHaveCount(0);
  const row = keysPage.key("CI deploys");
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).not.toContainText(secret.slice(12));
  await expect(row.getByTestId("key-last-used")).toHaveText("never");

  // `request` is Playwright's own client: no cookie of the owner's; the Origin is another site's.
  const auth = { authorization: `Bearer ${secret}`, origin: "https://ci.example" };
  const list = await request.get("/api/waitlists", { headers: auth });
  expect(list.status()).toBe(200);
  expect(((await list.json()) as { waitlists: { id: string }[] }).waitlists.map((w) => w.id)).toEqual([waitlist.id]);
  const patched = await request.patch(`/api/waitlists/${waitlist.id}`, { headers: auth, data: { title: "Renamed by CI" } });
  expect(patched.status()).toBe(200);
  expect(((await request.post("/api/keys", { headers: auth, data: { name: "minted", scope: "write" } })).status())).toBe(403);

  await keysPage.goto();
  await expect(keysPage.key("CI deploys").getByTestId("key-last-used")).not.toHaveText("never");

  await keysPage.revoke("CI deploys");
  await expect(keysPage.empty).toBeVisible();
  const refused = await request.get("/api/waitlists", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");

  expect(errors).toEqual([]);
  await owner.context.close();
});
