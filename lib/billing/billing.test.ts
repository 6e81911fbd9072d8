import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as portalPOST } from "@/app/api/waitlists/[id]/billing-portal/route";
import { POST as upgradePOST } from "@/app/api/waitlists/[id]/upgrade/route";
import { POST as webhookPOST } from "@/app/api/stripe/webhook/route";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createKey } from "@/lib/keys/mutations";
import type { Role } from "@/lib/teams/roles";
import { createWaitlist as createTeamWaitlist } from "@/lib/waitlists/mutations";
import { startFakeStripe, type FakeStripe } from "@/tests/support/fake-stripe";
import { createWaitlist, personalTeamId, uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";
import { getConfig, postSignup } from "@/tests/support/public-api";

// Billing belongs to the team (docs/teams.md): checkout names the team, the webhook finds the team (by team_id,
// by a pre-teams waitlist_id, or by the subscription id it holds) and copies the plan onto every list of it.

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

/** A signed-in owner and a list in their personal team. */
async function ownedList() {
  const owner = await signedInOwner();
  const teamId = await personalTeamId(owner.id);
  const waitlist = await createWaitlist({ ownerId: owner.id, slug: uniqueSlug("bill") });
  return { owner, teamId, waitlist };
}

/** Another signed-in person, added to the team with `role`. */
async function member(teamId: string, role: Role) {
  const person = await signedInOwner();
  await db().teamMember.create({ data: { teamId, userId: person.id, role } });
  return person;
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

/** A checkout completed for a subscription Stripe reports with `status` and `metadata`. */
async function checkout(sub: { id: string; customer: string; metadata: Record<string, string> }, status = "active") {
  fake.setSubscription({ ...sub, status });
  return deliver(event("checkout.session.completed", { id: `cs_${sub.id}`, object: "checkout.session", subscription: sub.id, customer: sub.customer, metadata: sub.metadata }));
}

const planOf = async (id: string) => (await db().waitlist.findUniqueOrThrow({ where: { id }, select: { plan: true } })).plan;
const teamOf = (id: string) =>
  db().team.findUniqueOrThrow({ where: { id }, select: { plan: true, stripeSubscriptionId: true, stripeCustomerId: true, subscriptionStatus: true } });
const subId = (name: string) => `sub_${name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

describe("upgrading through Stripe Checkout", () => {
  it("creates a subscription checkout session for the list's team (team_id in metadata) and returns its URL", async () => {
    const { owner, teamId, waitlist } = await ownedList();
    const r = await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" });
    expect(r.status).toBe(200);
    expect(r.json.url).toMatch(new RegExp(`^${fake.url}/pay/cs_test_`));
    // The team's Stripe customer is made first (named by the team and the paying owner), then the session names it.
    const customer = fake.calls.findLast((c) => c.path === "/v1/customers")!;
    expect(customer.params).toMatchObject({ email: owner.email, "metadata[team_id]": teamId });
    const customerId = (await teamOf(teamId)).stripeCustomerId;
    expect(customerId).toBe(fake.customers.at(-1)!.id);
    const call = fake.calls.findLast((c) => c.path === "/v1/checkout/sessions")!;
    expect(call.params).toMatchObject({
      mode: "subscription",
      "line_items[0][price]": "price_pro",
      "line_items[0][quantity]": "1",
      "metadata[team_id]": teamId,
      "subscription_data[metadata][team_id]": teamId,
      client_reference_id: teamId,
      customer: customerId,
      success_url: `http://localhost:3000/dashboard/w/${waitlist.id}?billing=success`,
      cancel_url: `http://localhost:3000/dashboard/w/${waitlist.id}?billing=cancelled`,
    });
    expect(call.params["metadata[waitlist_id]"]).toBeUndefined();
  });

  it("says billing is not configured (503) without Stripe keys", async () => {
    const { owner, waitlist } = await ownedList();
    configure(false);
    const r = await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" });
    expect(r.status).toBe(503);
    expect(r.json).toMatchObject({ ok: false, error: { code: "billing_not_configured" } });
    expect((await callOwner(portalPOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" })).status).toBe(503);
  });

  it("needs a team owner: an admin or viewer is refused with 403, an API key too, a stranger gets 404", async () => {
    const { owner, teamId, waitlist } = await ownedList();
    const admin = await member(teamId, "admin");
    const viewer = await member(teamId, "viewer");
    const stranger = await signedInOwner();
    const { secret } = await createKey(teamId, owner.id, { name: "CI", scope: "write" });
    const before = fake.calls.length;
    for (const route of [upgradePOST, portalPOST]) {
      for (const person of [admin, viewer]) {
        const r = await callOwner(route, { id: waitlist.id }, { cookie: person.cookie, method: "POST" });
        expect(r.status).toBe(403);
        expect(r.json).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
      const byKey = await callOwner(route, { id: waitlist.id }, { bearer: secret, method: "POST", origin: null });
      expect(byKey.status).toBe(403);
      expect(byKey.json).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect((await callOwner(route, { id: waitlist.id }, { cookie: stranger.cookie, method: "POST" })).status).toBe(404);
    }
    // Nothing refused reached Stripe.
    expect(fake.calls.length).toBe(before);
    expect((await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" })).status).toBe(200);
  });
});

describe("the Stripe webhook", () => {
  it("makes every list of the team Pro on checkout.session.completed: no branding, no cap; the portal opens", async () => {
    const { owner, teamId, waitlist } = await ownedList();
    const second = await createWaitlist({ teamId, slug: uniqueSlug("bill2") });
    const lists = [waitlist, second];
    for (const list of lists) {
      for (let i = 0; i < 2; i++) await postSignup(list.slug, { email: uniqueEmail() });
      expect((await postSignup(list.slug, { email: uniqueEmail() })).status).toBe(403);
      // Read (and cached) on Free: the upgrade must invalidate each list's hosted config.
      expect((await getConfig(list.slug)).json.branding).toBe(true);
    }
    expect((await callOwner(portalPOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" })).status).toBe(409);

    const sub = { id: subId("a"), customer: "cus_a1", metadata: { team_id: teamId } };
    const r = await checkout(sub);
    expect(r).toEqual({ status: 200, json: { ok: true, received: true, duplicate: false, handled: true } });
    expect(await teamOf(teamId)).toEqual({ plan: "PRO", stripeSubscriptionId: sub.id, stripeCustomerId: "cus_a1", subscriptionStatus: "active" });
    for (const list of lists) {
      expect(await planOf(list.id)).toBe("PRO");
      expect((await getConfig(list.slug)).json.branding).toBe(false);
      expect((await postSignup(list.slug, { email: uniqueEmail() })).json.position).toBe(3);
    }

    // The portal opens from any list of the team, on the team's customer; upgrading again is a conflict.
    const portal = await callOwner(portalPOST, { id: second.id }, { cookie: owner.cookie, method: "POST" });
    expect(portal.json.url).toMatch(/\/portal\/bps_test_/);
    expect(fake.calls.findLast((c) => c.path === "/v1/billing_portal/sessions")!.params.customer).toBe("cus_a1");
    expect((await callOwner(upgradePOST, { id: waitlist.id }, { cookie: owner.cookie, method: "POST" })).status).toBe(409);
  });

  it("records the plan change in the team's audit log, once, as Stripe", async () => {
    const { teamId } = await ownedList();
    const sub = { id: subId("audit"), customer: "cus_audit", metadata: { team_id: teamId } };
    await checkout(sub);
    // A second event for the same state changes no plan, so it adds no record.
    await deliver(event("customer.subscription.updated", { id: sub.id, object: "subscription", metadata: sub.metadata }));
    const rows = await db().auditLog.findMany({ where: { teamId, action: "billing.plan_changed" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: "system", actorLabel: "Stripe", actorUserId: null, details: { plan: "PRO", status: "active" } });

    fake.setSubscription({ ...sub, status: "canceled" });
    await deliver(event("customer.subscription.deleted", { id: sub.id, object: "subscription", metadata: sub.metadata }));
    const after = await db().auditLog.findMany({ where: { teamId, action: "billing.plan_changed" }, orderBy: { id: "asc" } });
    expect(after.map((a) => a.details)).toEqual([{ plan: "PRO", status: "active" }, { plan: "FREE", status: "canceled" }]);
  });

  it("upgrades the team of the list a pre-teams event names (metadata waitlist_id)", async () => {
    const { teamId, waitlist } = await ownedList();
    const sibling = await createWaitlist({ teamId, slug: uniqueSlug("legacy") });
    const other = await ownedList();
    const sub = { id: subId("legacy"), customer: "cus_legacy", metadata: { waitlist_id: waitlist.id } };
    expect((await checkout(sub)).json).toMatchObject({ handled: true });
    expect((await teamOf(teamId)).plan).toBe("PRO");
    expect(await planOf(waitlist.id)).toBe("PRO");
    expect(await planOf(sibling.id)).toBe("PRO");
    // Another team's list is untouched.
    expect(await planOf(other.waitlist.id)).toBe("FREE");

    // A legacy checkout that only carries client_reference_id (the list id) finds the team too.
    const old = await ownedList();
    const bare = { id: subId("ref"), customer: "cus_ref", metadata: {} };
    fake.setSubscription({ ...bare, status: "active" });
    await deliver(event("checkout.session.completed", { id: "cs_ref", object: "checkout.session", subscription: bare.id, client_reference_id: old.waitlist.id }));
    expect((await teamOf(old.teamId)).plan).toBe("PRO");
  });

  it("finds the team by the subscription it holds when an event names no team or list", async () => {
    const { teamId, waitlist } = await ownedList();
    const sub = { id: subId("held"), customer: "cus_held", metadata: { team_id: teamId } };
    await checkout(sub);
    fake.setSubscription({ ...sub, metadata: {}, status: "canceled" });
    await deliver(event("customer.subscription.deleted", { id: sub.id, object: "subscription", metadata: {} }));
    expect((await teamOf(teamId)).plan).toBe("FREE");
    expect(await planOf(waitlist.id)).toBe("FREE");
  });

  it("does not let an older, ended subscription downgrade a team that moved to a newer one", async () => {
    const { teamId, waitlist } = await ownedList();
    const older = { id: subId("old"), customer: "cus_two", metadata: { team_id: teamId } };
    const newer = { id: subId("new"), customer: "cus_two", metadata: { team_id: teamId } };
    await checkout(older);
    await checkout(newer);
    expect((await teamOf(teamId)).stripeSubscriptionId).toBe(newer.id);

    fake.setSubscription({ ...older, status: "canceled" });
    expect((await deliver(event("customer.subscription.deleted", { id: older.id, object: "subscription", metadata: older.metadata }))).status).toBe(200);
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: newer.id });
    expect(await planOf(waitlist.id)).toBe("PRO");

    // The newer one ending does downgrade.
    fake.setSubscription({ ...newer, status: "canceled" });
    await deliver(event("customer.subscription.deleted", { id: newer.id, object: "subscription", metadata: newer.metadata }));
    expect((await teamOf(teamId)).plan).toBe("FREE");
    expect(await planOf(waitlist.id)).toBe("FREE");
  });

  it("keeps the team's subscription when an older per-list one renews, so cancelling that one later is harmless", async () => {
    // Before teams, an owner paid per list; the team holds one subscription and the others keep renewing until
    // the owner cancels them (events naming a waitlist_id). lib/billing/legacy.test.ts covers the fallback.
    const { teamId, waitlist } = await ownedList();
    const sibling = await createWaitlist({ teamId, slug: uniqueSlug("sib") });
    const kept = { id: subId("kept"), customer: "cus_m", metadata: { waitlist_id: waitlist.id } };
    const extra = { id: subId("extra"), customer: "cus_m", metadata: { waitlist_id: sibling.id } };
    await checkout(extra);
    await checkout(kept);
    expect((await teamOf(teamId)).stripeSubscriptionId).toBe(kept.id);

    fake.setSubscription({ ...extra, status: "active" });
    await deliver(event("customer.subscription.updated", { id: extra.id, object: "subscription", metadata: extra.metadata }));
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: kept.id });

    fake.setSubscription({ ...extra, status: "canceled" });
    await deliver(event("customer.subscription.deleted", { id: extra.id, object: "subscription", metadata: extra.metadata }));
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: kept.id, subscriptionStatus: "active" });
    expect(await planOf(waitlist.id)).toBe("PRO");
    expect(await planOf(sibling.id)).toBe("PRO");

    // Once the team's own subscription has ended, a new one (a later checkout) takes its place.
    fake.setSubscription({ ...kept, status: "canceled" });
    await deliver(event("customer.subscription.deleted", { id: kept.id, object: "subscription", metadata: kept.metadata }));
    expect((await teamOf(teamId)).plan).toBe("FREE");
    const next = { id: subId("next"), customer: "cus_m", metadata: { team_id: teamId } };
    await checkout(next);
    expect(await teamOf(teamId)).toMatchObject({ plan: "PRO", stripeSubscriptionId: next.id });
  });

  it("starts a list created in a Pro team on Pro, and one in a Free team on Free", async () => {
    const { owner, teamId } = await ownedList();
    await checkout({ id: subId("new-list"), customer: "cus_nl", metadata: { team_id: teamId } });
    const created = await createTeamWaitlist(teamId, owner.id, { slug: uniqueSlug("born-pro"), title: "Born Pro", description: "" });
    expect(created.plan).toBe("PRO");
    expect(await planOf(created.id)).toBe("PRO");
    expect((await getConfig(created.slug)).json.branding).toBe(false);

    const free = await ownedList();
    const plain = await createTeamWaitlist(free.teamId, free.owner.id, { slug: uniqueSlug("born-free"), title: "Born Free", description: "" });
    expect(plain.plan).toBe("FREE");
  });

  it("refuses a bad signature with 400 and changes nothing", async () => {
    const { teamId, waitlist } = await ownedList();
    fake.setSubscription({ id: "sub_b1", status: "active", customer: "cus_b1", metadata: { team_id: teamId } });
    const payload = event("customer.subscription.updated", { id: "sub_b1", object: "subscription", metadata: { team_id: teamId } });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(payload), secret: "whsec_wrong" });
    for (const sig of [forged, "t=1,v1=deadbeef", ""]) {
      const r = await deliver(payload, sig);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ ok: false, error: { code: "invalid_signature" } });
    }
    expect(await planOf(waitlist.id)).toBe("FREE");
    expect((await teamOf(teamId)).plan).toBe("FREE");
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

  it("processes a redelivered event once, and audits it once", async () => {
    const { teamId, waitlist } = await ownedList();
    const sub = { id: subId("dup"), customer: "cus_c1", metadata: { team_id: teamId } };
    fake.setSubscription({ ...sub, status: "active" });
    const payload = event("customer.subscription.updated", { id: sub.id, object: "subscription", metadata: sub.metadata });
    const answers = await Promise.all([deliver(payload), deliver(payload), deliver(payload)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
    expect((await deliver(payload)).json.duplicate).toBe(true);
    expect(await db().stripeEvent.count({ where: { id: payload.id } })).toBe(1);
    expect(await planOf(waitlist.id)).toBe("PRO");
    expect(await db().auditLog.count({ where: { teamId, action: "billing.plan_changed" } })).toBe(1);
  });

  it("follows the subscription's current state, not the order events arrive in, and returns to Free on cancellation", async () => {
    const { teamId, waitlist } = await ownedList();
    const sub = { id: subId("d"), customer: "cus_d1", metadata: { team_id: teamId } };
    const updated = event("customer.subscription.updated", { ...sub, object: "subscription", status: "active" });
    const deleted = event("customer.subscription.deleted", { ...sub, object: "subscription", status: "canceled" });

    await checkout(sub);
    for (let i = 0; i < 3; i++) await postSignup(waitlist.slug, { email: uniqueEmail() });

    // Cancelled at Stripe; the deletion arrives first, the stale "active" update after it.
    fake.setSubscription({ ...sub, status: "canceled" });
    await deliver(deleted);
    expect(await planOf(waitlist.id)).toBe("FREE");
    await deliver(updated);
    expect(await planOf(waitlist.id)).toBe("FREE");
    expect((await teamOf(teamId)).plan).toBe("FREE");

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
