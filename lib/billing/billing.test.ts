import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as portalPOST } from "@/app/api/waitlists/[id]/billing-portal/route";
import { POST as upgradePOST } from "@/app/api/waitlists/[id]/upgrade/route";
import { POST as webhookPOST } from "@/app/api/stripe/webhook/route";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { startFakeStripe, type FakeStripe } from "@/tests/support/fake-stripe";
import { createWaitlist, uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";
import { getConfig, postSignup } from "@/tests/support/public-api";

const SECRET = "sk_test_fake";
const WEBHOOK_SECRET = "whsec_test_secret";
let fake: FakeStripe;
const saved = { ...process.env };

function configure(withStripe: boolean) {
  process.env = { ...saved, APP_URL: "http://localhost:3000", TURNSTILE_MODE: "off", FREE_SIGNUP_CAP: "2" };
  if (withStripe) {
    Object.assign(process.env, { STRIPE_SECRET_KEY: SECRET, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_PRICE_ID: "price_pro", STRIPE_API_BASE: fake.url });
  }
  resetEnvCache();
}

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: SECRET });
});
beforeEach(() => configure(true));
afterAll(async () => {
  await fake.close();
  process.env = saved;
  resetEnvCache();
  await closeDb();
});

async function ownedList() {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("bill") });
  return { owner, waitlist };
}

let eventCounter = 0;
function event(type: string, object: Record<string, unknown>, idOverride?: string) {
  eventCounter += 1;
  return { id: idOverride ?? `evt_test_${process.pid}_${eventCounter}`, object: "event", type, created: Math.floor(Date.now() / 1000), data: { object } };
}

async function deliver(payload: object, signature?: string) {
  const body = JSON.stringify(payload);
  const header = signature ?? Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET });
  const res = await webhookPOST(new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": header, "content-type": "application/json" }, body }));
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const planOf = async (id: string) => (await db().waitlist.findUniqueOrThrow({ where: { id }, select: { plan: true } })).plan;

describe("upgrading through Stripe Checkout", () => {
  it("creates a subscription checkout session with the waitlist id in metadata and returns its URL", async () => {
    const { owner, waitlist } = await ownedList();
    const r = await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" });
    expect(r.status).toBe(200);
    expect(r.json.url).toMatch(new RegExp(`^${fake.url}/pay/cs_test_`));
    const call = fake.calls.findLast((c) => c.path === "/v1/checkout/sessions")!;
    expect(call.params).toMatchObject({
      mode: "subscription",
      "line_items[0][price]": "price_pro",
      "line_items[0][quantity]": "1",
      "metadata[waitlist_id]": waitlist.id,
      "subscription_data[metadata][waitlist_id]": waitlist.id,
      client_reference_id: waitlist.id,
      customer_email: owner.email,
      success_url: `http://localhost:3000/dashboard/w/${waitlist.id}?billing=success`,
      cancel_url: `http://localhost:3000/dashboard/w/${waitlist.id}?billing=cancelled`,
    });
  });

  it("says billing is not configured (503) without Stripe keys", async () => {
    const { owner, waitlist } = await ownedList();
    configure(false);
    const r = await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" });
    expect(r.status).toBe(503);
    expect(r.json).toMatchObject({ ok: false, error: { code: "billing_not_configured" } });
    expect((await callOwner(portalPOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" })).status).toBe(503);
  });
});

describe("the Stripe webhook", () => {
  it("makes a waitlist Pro on checkout.session.completed: no branding, no cap; the portal opens", async () => {
    const { owner, waitlist } = await ownedList();
    for (let i = 0; i < 2; i++) await postSignup(waitlist.slug, { email: uniqueEmail() });
    expect((await postSignup(waitlist.slug, { email: uniqueEmail() })).status).toBe(403);
    expect((await callOwner(portalPOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" })).status).toBe(409);

    fake.setSubscription({ id: "sub_a1", status: "active", customer: "cus_a1", metadata: { waitlist_id: waitlist.id } });
    const r = await deliver(event("checkout.session.completed", { id: "cs_1", object: "checkout.session", subscription: "sub_a1", customer: "cus_a1", client_reference_id: waitlist.id, metadata: { waitlist_id: waitlist.id } }));
    expect(r).toEqual({ status: 200, json: { ok: true, received: true, duplicate: false, handled: true } });
    expect(await planOf(waitlist.id)).toBe("PRO");
    expect((await getConfig(waitlist.slug)).json.branding).toBe(false);
    expect((await postSignup(waitlist.slug, { email: uniqueEmail() })).json.position).toBe(3);

    const portal = await callOwner(portalPOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" });
    expect(portal.json.url).toMatch(/\/portal\/bps_test_/);
    expect(fake.calls.findLast((c) => c.path === "/v1/billing_portal/sessions")!.params.customer).toBe("cus_a1");
    expect((await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" })).status).toBe(409);
  });

  it("refuses a bad signature with 400 and changes nothing", async () => {
    const { waitlist } = await ownedList();
    fake.setSubscription({ id: "sub_b1", status: "active", customer: "cus_b1", metadata: { waitlist_id: waitlist.id } });
    const payload = event("customer.subscription.updated", { id: "sub_b1", object: "subscription", metadata: { waitlist_id: waitlist.id } });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(payload), secret: "whsec_wrong" });
    for (const sig of [forged, "t=1,v1=deadbeef", ""]) {
      const r = await deliver(payload, sig);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ ok: false, error: { code: "invalid_signature" } });
    }
    expect(await planOf(waitlist.id)).toBe("FREE");
    expect(await db().stripeEvent.count({ where: { id: payload.id } })).toBe(0);
  });

  it("refuses an oversized body by its Content-Length or while streaming, reading no more than the limit", async () => {
    const CHUNK = 64 * 1024;
    let pulled = 0;
    // 30 MB on offer, no Content-Length: the route must stop reading once it passes 512 KB.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 30 * 1024 * 1024) return controller.close();
        pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
    });
    const streamed = await webhookPOST(
      new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", body: endless, duplex: "half", headers: { "stripe-signature": "t=1,v1=x" } } as RequestInit),
    );
    expect(streamed.status).toBe(400);
    expect(await streamed.json()).toMatchObject({ ok: false, error: { code: "payload_too_large" } });
    expect(pulled).toBeLessThanOrEqual(512 * 1024 + 2 * CHUNK);

    let touched = false;
    const declared = new ReadableStream<Uint8Array>({
      pull(controller) {
        touched = true;
        controller.close();
      },
    }, { highWaterMark: 0 });
    const byHeader = await webhookPOST(
      new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", body: declared, duplex: "half", headers: { "content-length": String(30 * 1024 * 1024), "stripe-signature": "t=1,v1=x" } } as RequestInit),
    );
    expect(byHeader.status).toBe(400);
    expect(touched).toBe(false);
  });

  it("processes a redelivered event once", async () => {
    const { waitlist } = await ownedList();
    fake.setSubscription({ id: "sub_c1", status: "active", customer: "cus_c1", metadata: { waitlist_id: waitlist.id } });
    const payload = event("customer.subscription.updated", { id: "sub_c1", object: "subscription", metadata: { waitlist_id: waitlist.id } });
    const answers = await Promise.all([deliver(payload), deliver(payload), deliver(payload)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
    expect((await deliver(payload)).json.duplicate).toBe(true);
    expect(await db().stripeEvent.count({ where: { id: payload.id } })).toBe(1);
    expect(await planOf(waitlist.id)).toBe("PRO");
  });

  it("follows the subscription's current state, not the order events arrive in, and returns to Free on cancellation", async () => {
    const { waitlist } = await ownedList();
    const sub = { id: "sub_d1", customer: "cus_d1", metadata: { waitlist_id: waitlist.id } };
    const updated = event("customer.subscription.updated", { ...sub, object: "subscription", status: "active" });
    const deleted = event("customer.subscription.deleted", { ...sub, object: "subscription", status: "canceled" });

    fake.setSubscription({ ...sub, status: "active" });
    await deliver(event("checkout.session.completed", { id: "cs_d", object: "checkout.session", subscription: sub.id, metadata: { waitlist_id: waitlist.id } }));
    for (let i = 0; i < 3; i++) await postSignup(waitlist.slug, { email: uniqueEmail() });

    // Cancelled at Stripe; the deletion arrives first, the stale "active" update after it.
    fake.setSubscription({ ...sub, status: "canceled" });
    await deliver(deleted);
    expect(await planOf(waitlist.id)).toBe("FREE");
    await deliver(updated);
    expect(await planOf(waitlist.id)).toBe("FREE");

    // Back on Free: the people already on the list stay, new ones beyond the cap (2) are refused.
    expect(await db().signup.count({ where: { waitlistId: waitlist.id } })).toBe(3);
    expect((await postSignup(waitlist.slug, { email: uniqueEmail() })).json).toMatchObject({ error: { code: "waitlist_full" } });
    expect((await getConfig(waitlist.slug)).json.branding).toBe(true);
  });

  it("acknowledges event types it does not handle without changing anything", async () => {
    const r = await deliver(event("invoice.paid", { id: "in_1", object: "invoice" }));
    expect(r.json).toMatchObject({ ok: true, handled: false, duplicate: false });
  });
});
