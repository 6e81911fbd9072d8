import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { SignupsPage } from "./pages/dashboard-pages";
import { FeatureKeysPage } from "./pages/feature-keys-page";
import { SignInPage } from "./pages/sign-in-page";
import { closeApiKeys, createApiKeyFor } from "./support/api-keys";

// Feature waitlists against the production server (docs/feature-waitlists.md): the owner adds a feature key on
// the dashboard, the product's backend puts a signed-in user on it with an API key over real HTTP (a user id
// that needs percent-encoding), and the owner sees the member with their id in Signups.

test.afterAll(closeApiKeys);

test("a key added on the dashboard takes members from the product API, shown with their id", async ({ page, run, browserErrors }) => {
  test.setTimeout(90_000);
  const ownerEmail = `founder-${randomBytes(3).toString("hex")}@example.com`;
  await new SignInPage(page).goto("?callbackUrl=%2Fdashboard");
  await new SignInPage(page).signIn(ownerEmail, run.resendUrl);
  const created = await page.request.post("/api/waitlists", {
    headers: { origin: run.baseURL },
    data: { slug: `feat-${randomBytes(4).toString("hex")}`, title: "Search beta" },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { waitlist: { id: string } }).waitlist.id;
  const featureKey = `ai-search-${randomBytes(3).toString("hex")}`;

  const features = new FeatureKeysPage(page);
  await features.goto(id);
  await expect(page.getByText("No feature keys yet")).toBeVisible();
  await features.add("Not a key!");
  await expect(page.getByText("Use lowercase letters, digits and inner hyphens")).toBeVisible();
  await features.add(featureKey);
  await expect(features.keys).toHaveText([`${featureKey}×`]);
  await features.save();
  await expect(features.saved).toHaveText("Saved.");

  // The product's backend: no browser, no cookie, a bearer key. The user id has a "|" and a "/".
  const api = page.context().request;
  const userId = "auth0|ada/42";
  const url = `/api/v1/features/${featureKey}/members/${encodeURIComponent(userId)}`;
  const key = await createApiKeyFor(ownerEmail, "write");
  const bearer = { authorization: `Bearer ${key}` };
  const email = `ada-${randomBytes(3).toString("hex")}@example.com`;

  // The owner's session cookie rides along on this context: the product API takes keys only.
  const anonymous = await api.put(url, { data: { email } });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toBe("application/problem+json");
  expect(await anonymous.json()).toMatchObject({ type: "about:blank", title: "Unauthorized", status: 401, code: "unauthorized" });

  const joined = await api.put(url, { headers: bearer, data: { email, name: "Ada" } });
  expect(joined.status()).toBe(201);
  const member = ((await joined.json()) as { data: { links: { self: string } } }).data;
  expect(member).toMatchObject({ feature_key: featureKey, signed_up: true, waitlist_id: id, status: "waiting", position: 1 });
  expect(member.links.self).toBe(`${run.baseURL}${url}`);
  expect((await api.put(url, { headers: bearer })).status()).toBe(200);
  expect(((await (await api.get(url, { headers: bearer })).json()) as { data: unknown }).data).toMatchObject({ signed_up: true });

  const signups = new SignupsPage(page);
  await signups.goto(id);
  await expect(signups.rows).toHaveCount(1);
  await expect(signups.row(email)).toContainText(userId);
  expect(browserErrors).toEqual([]);
});
