import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { planForStatus, stripe } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { recordAudit } from "@/lib/audit/record";
import { invalidatePublicWaitlist } from "@/lib/waitlists/public";

// Stripe webhooks (billing belongs to the team, docs/teams.md). Each event id is recorded once (Stripe redelivers), and the plan is set from the
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
  const customer = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  const named = {
    teamId: ref.teamId ?? subscription.metadata?.team_id,
    waitlistId: ref.waitlistId ?? subscription.metadata?.waitlist_id,
  };

  let applied: { teamId: string; slugs: string[]; plan: "FREE" | "PRO"; changed: boolean } | null;
  try {
    applied = await applySubscription(event, subscription, named, customer);
  } catch (error) {
    // The same event delivered twice at once: the other delivery recorded it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { duplicate: true, handled: false };
    throw error;
  }
  if (!applied) {
    logger.warn(`stripe event ${event.id}: no team for subscription ${subscription.id}`);
    return { duplicate: false, handled: false };
  }
  for (const slug of applied.slugs) invalidatePublicWaitlist(slug);
  if (applied.changed) {
    await recordAudit({
      teamId: applied.teamId,
      actor: { kind: "system", label: "Stripe" },
      action: "billing.plan_changed",
      details: { plan: applied.plan, status: subscription.status },
    }).catch((error: unknown) => logger.error("audit: could not record a plan change", error));
  }
  return { duplicate: false, handled: true };
}

/**
 * The team named by the subscription (its metadata, or a waitlist of a subscription made before teams, or the
 * subscription id the team already holds) takes the plan Stripe reports now, and so do all its waitlists:
 * `waitlists.plan` is the team's plan copied onto each list, in this same transaction.
 */
async function applySubscription(
  event: Stripe.Event,
  subscription: Stripe.Subscription,
  named: { teamId?: string; waitlistId?: string },
  customer: string,
): Promise<{ teamId: string; slugs: string[]; plan: "FREE" | "PRO"; changed: boolean } | null> {
  return db().$transaction(async (tx) => {
    // The event row is the lock against a concurrent redelivery: a second insert fails and rolls back.
    await tx.stripeEvent.create({ data: { id: event.id, type: event.type } });
    const byList = named.teamId
      ? null
      : named.waitlistId
        ? await tx.waitlist.findUnique({ where: { id: named.waitlistId }, select: { teamId: true } })
        : null;
    const team = await tx.team.findFirst({
      where: named.teamId ? { id: named.teamId } : byList ? { id: byList.teamId } : { stripeSubscriptionId: subscription.id },
      select: { id: true, plan: true, stripeSubscriptionId: true },
    });
    if (!team) return null;
    const plan = planForStatus(subscription.status);
    // Another subscription than the team's own never downgrades it (a newer one wins over an older, ended one),
    // and while the team is Pro on its own, only a completed checkout replaces it: pre-teams per-list
    // subscriptions that still renew (docs/billing.md) must not take its place, or cancelling them in Stripe's
    // portal, as the docs advise, would end the team's Pro.
    const another = team.stripeSubscriptionId !== null && team.stripeSubscriptionId !== subscription.id;
    if (another && (plan === "FREE" || (team.plan === "PRO" && event.type !== "checkout.session.completed"))) {
      return { teamId: team.id, slugs: [], plan: team.plan, changed: false };
    }
    await tx.team.update({
      where: { id: team.id },
      data: { plan, subscriptionStatus: subscription.status, stripeSubscriptionId: subscription.id, stripeCustomerId: customer },
      select: { id: true },
    });
    await tx.waitlist.updateMany({ where: { teamId: team.id, plan: { not: plan } }, data: { plan } });
    const lists = await tx.waitlist.findMany({ where: { teamId: team.id }, select: { slug: true } });
    return { teamId: team.id, slugs: lists.map((l) => l.slug), plan, changed: team.plan !== plan };
  });
}

type SubscriptionRef = { subscriptionId: string; teamId?: string; waitlistId?: string };

function subscriptionRef(event: Stripe.Event): SubscriptionRef | null {
  if (event.type === "checkout.session.completed") {
    const session = event.data.object;
    const id = typeof session.subscription === "string" ? session.subscription : session.subscription?.id;
    if (!id) return null;
    const teamId = session.metadata?.team_id;
    // Checkouts started before teams name the waitlist (metadata, or client_reference_id without team_id).
    return teamId
      ? { subscriptionId: id, teamId }
      : { subscriptionId: id, waitlistId: session.metadata?.waitlist_id ?? session.client_reference_id ?? undefined };
  }
  if (event.type === "customer.subscription.updated" || event.type === "customer.subscription.deleted") {
    const metadata = event.data.object.metadata;
    return { subscriptionId: event.data.object.id, teamId: metadata?.team_id, waitlistId: metadata?.waitlist_id };
  }
  return null;
}
