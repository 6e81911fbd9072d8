import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { expect, test } from "./fixtures";
import { HostedPage } from "./pages/hosted-page";
import { E2E_STRIPE } from "./run-info";
import { stubTurnstile } from "./turnstile-stub";
import { closeTestDb, createWaitlist, uniqueEmail } from "./support/test-db";

// Plans as a visitor sees them: branding on Free, gone once Stripe's webhook makes the waitlist Pro, and the
// full state at the cap. The webhook is signed with the SDK's own test-header helper and the subscription it
// names is served by the fake Stripe the server talks to.

test.afterAll(closeTestDb);

test("a Free waitlist shows the branding until the Stripe webhook makes it Pro", async ({ page, request, run }) => {
  const waitlist = await createWaitlist({ title: "Branded launch" });
  const hosted = new HostedPage(page);
  await stubTurnstile(page);
  await hosted.goto(waitlist.slug);
  const branding = page.getByRole("link", { name: "Powered by WaitForge" });
  await expect(branding).toBeVisible();
  expect((await (await request.get(`/api/public/${waitlist.slug}/config`)).json()).branding).toBe(true);

  const subscription = `sub_e2e_${randomBytes(4).toString("hex")}`;
  const set = await request.post(`${run.stripeUrl}/__subscriptions`, {
    data: { id: subscription, status: "active", customer: "cus_e2e", metadata: { waitlist_id: waitlist.id } },
  });
  expect(set.ok()).toBe(true);
  const payload = JSON.stringify({
    id: `evt_e2e_${randomBytes(6).toString("hex")}`,
    object: "event",
    type: "checkout.session.completed",
    data: { object: { id: "cs_e2e", object: "checkout.session", subscription, customer: "cus_e2e", metadata: { waitlist_id: waitlist.id } } },
  });
  const forged = await request.post("/api/stripe/webhook", {
    headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" }), "content-type": "application/json" },
    data: payload,
  });
  expect(forged.status()).toBe(400);
  const delivered = await request.post("/api/stripe/webhook", {
    headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: E2E_STRIPE.webhookSecret }), "content-type": "application/json" },
    data: payload,
  });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toMatchObject({ ok: true, handled: true });

  await hosted.goto(waitlist.slug);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Branded launch");
  await expect(branding).toHaveCount(0);
  expect((await (await request.get(`/api/public/${waitlist.slug}/config`)).json()).branding).toBe(false);
});

test("a waitlist at its cap shows the full state and the API refuses with 403", async ({ page, request }) => {
  const waitlist = await createWaitlist({ title: "Tiny launch", capacity: 1 });
  const first = await request.post(`/api/public/${waitlist.slug}/signup`, {
    data: { email: uniqueEmail(), turnstile: `e2e-pass-${randomBytes(6).toString("hex")}` },
  });
  expect(first.status()).toBe(200);
  const refused = await request.post(`/api/public/${waitlist.slug}/signup`, {
    data: { email: uniqueEmail(), turnstile: `e2e-pass-${randomBytes(6).toString("hex")}` },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: "waitlist_full" } });

  const hosted = new HostedPage(page);
  await stubTurnstile(page);
  await hosted.goto(waitlist.slug, { expect: "full" });
  await expect(hosted.fullNotice).toContainText("This waitlist is full");
  await expect(hosted.form).toHaveCount(0);
});
