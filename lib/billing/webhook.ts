import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { planForStatus, stripe } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { invalidatePublicWaitlist } from "@/lib/waitlists/public";

// Stripe webhooks. Each event id is recorded once (Stripe redelivers), and the plan is set from the
// subscription as Stripe reports it NOW (retrieved, not taken from the event), so events arriving twice or
// out of order converge on the true state.

const HANDLED = new Set(["checkout.session.completed", "customer.subscription.updated", "customer.subscription.deleted"]);

export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  const s = stripe();
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!s || !secret) throw new AppError("billing_not_configured", "Stripe webhooks are not configured on this server.");
  if (!signature) throw new AppError("invalid_signature", "Missing Stripe-Signature header.");
  try {
    return s.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new AppError("invalid_signature", "The Stripe signature does not match this payload.");
  }
}

export async function handleStripeEvent(event: Stripe.Event): Promise<{ duplicate: boolean; handled: boolean }> {
  const seen = await db().stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } });
  if (seen) return { duplicate: true, handled: false };
  if (!HANDLED.has(event.type)) {
    await db().stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
    return { duplicate: false, handled: false };
  }

  const ref = subscriptionRef(event);
  if (!ref) {
    logger.warn(`stripe event ${event.id} (${event.type}) names no subscription; ignored`);
    await db().stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
    return { duplicate: false, handled: false };
  }
  const subscription = await stripe()!.subscriptions.retrieve(ref.subscriptionId);
  const waitlistId = ref.waitlistId ?? subscription.metadata?.waitlist_id;
  const customer = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;

  let slug: string | null;
  try {
    slug = await applySubscription(event, subscription, waitlistId, customer);
  } catch (error) {
    // The same event delivered twice at once: the other delivery recorded it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { duplicate: true, handled: false };
    throw error;
  }
  if (slug) invalidatePublicWaitlist(slug);
  else logger.warn(`stripe event ${event.id}: no waitlist for subscription ${subscription.id}`);
  return { duplicate: false, handled: slug !== null };
}

async function applySubscription(
  event: Stripe.Event,
  subscription: Stripe.Subscription,
  waitlistId: string | undefined,
  customer: string,
): Promise<string | null> {
  return db().$transaction(async (tx) => {
    // The event row is the lock against a concurrent redelivery: a second insert fails and rolls back.
    await tx.stripeEvent.create({ data: { id: event.id, type: event.type } });
    const target = await tx.waitlist.findFirst({
      where: waitlistId ? { id: waitlistId } : { stripeSubscriptionId: subscription.id },
      select: { id: true, slug: true, stripeSubscriptionId: true },
    });
    if (!target) return null;
    // A newer subscription of the same waitlist wins over events of an older, ended one.
    if (target.stripeSubscriptionId && target.stripeSubscriptionId !== subscription.id && planForStatus(subscription.status) === "FREE") {
      return target.slug;
    }
    await tx.waitlist.update({
      where: { id: target.id },
      data: {
        plan: planForStatus(subscription.status),
        subscriptionStatus: subscription.status,
        stripeSubscriptionId: subscription.id,
        stripeCustomerId: customer,
      },
    });
    return target.slug;
  });
}

function subscriptionRef(event: Stripe.Event): { subscriptionId: string; waitlistId?: string } | null {
  if (event.type === "checkout.session.completed") {
    const session = event.data.object;
    const id = typeof session.subscription === "string" ? session.subscription : session.subscription?.id;
    if (!id) return null;
    return { subscriptionId: id, waitlistId: session.metadata?.waitlist_id ?? session.client_reference_id ?? undefined };
  }
  if (event.type === "customer.subscription.updated" || event.type === "customer.subscription.deleted") {
    return { subscriptionId: event.data.object.id, waitlistId: event.data.object.metadata?.waitlist_id };
  }
  return null;
}
