import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { POST as webhookPOST } from "@/app/api/stripe/webhook/route";
import { closeDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { startFakeStripe, type FakeStripe } from "@/tests/support/fake-stripe";

// Stripe's side of a billing test: the environment that points the app at the fake Stripe, signed webhook
// events delivered through the real route, and a completed checkout for a subscription the fake reports.

export const STRIPE_TEST = { secretKey: "sk_test_fake", webhookSecret: "whsec_test_secret", priceId: "price_pro" } as const;

/** Points lib/env at `fake` (or at no Stripe at all); `saved` is the environment to start from. */
export function configureStripe(saved: NodeJS.ProcessEnv, fake: FakeStripe | null): void {
  process.env = { ...saved, APP_URL: "http://localhost:3000", TURNSTILE_MODE: "off" };
  if (fake) {
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: STRIPE_TEST.secretKey,
      STRIPE_WEBHOOK_SECRET: STRIPE_TEST.webhookSecret,
      STRIPE_PRICE_ID: STRIPE_TEST.priceId,
      STRIPE_API_BASE: fake.url,
    });
  }
  resetEnvCache();
}

/**
 * A billing test file's Stripe: a fake started once for the file, the app pointed at it before each test, and
 * everything put back (environment, pool) after the file. Read the fake through the returned getter.
 */
export function setupFakeStripe(): () => FakeStripe {
  let fake: FakeStripe | undefined;
  const saved = { ...process.env };
  beforeAll(async () => {
    fake = await startFakeStripe({ secretKey: STRIPE_TEST.secretKey });
  });
  beforeEach(() => configureStripe(saved, fake!));
  afterAll(async () => {
    await fake?.close();
    process.env = saved;
    resetEnvCache();
    await closeDb();
  });
  return () => fake!;
}

let counter = 0;
export function stripeEvent(type: string, object: Record<string, unknown>) {
  counter += 1;
  return { id: `evt_test_${process.pid}_${Date.now()}_${counter}`, object: "event", type, created: Math.floor(Date.now() / 1000), data: { object } };
}

export async function deliverStripe(payload: object): Promise<{ status: number; json: Record<string, unknown> }> {
  const body = JSON.stringify(payload);
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: STRIPE_TEST.webhookSecret });
  const res = await webhookPOST(
    new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": header, "content-type": "application/json" }, body }),
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export type TestSubscription = { id: string; customer: string; metadata: Record<string, string> };

/** Stripe reports `sub` with `status`, then sends `type` for it (a checkout completed, or a subscription event). */
export async function subscriptionEvent(fake: FakeStripe, type: "checkout.session.completed" | "customer.subscription.updated" | "customer.subscription.deleted", sub: TestSubscription, status: string) {
  fake.setSubscription({ ...sub, status });
  const object =
    type === "checkout.session.completed"
      ? { id: `cs_${sub.id}`, object: "checkout.session", subscription: sub.id, customer: sub.customer, metadata: sub.metadata }
      : { id: sub.id, object: "subscription", customer: sub.customer, status, metadata: sub.metadata };
  return deliverStripe(stripeEvent(type, object));
}

export const testSubscriptionId = (name: string) => `sub_${name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
