import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { keepDisplaced, pickFallback, retrieveLegacyOf, stateOf, type SubscriptionState } from "@/lib/billing/legacy";
import { planForStatus, stripe } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { recordAudit } from "@/lib/audit/record";
import { invalidatePublicWaitlist } from "@/lib/waitlists/public";

// Stripe webhooks (billing belongs to the team, docs/billing.md). Each event id is recorded once (Stripe
// redelivers), and the plan is set from the subscription as Stripe reports it NOW (retrieved, not taken from the
// event), so events arriving twice or out of order converge on the true state.

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
  const retrieved = await stripe()!.subscriptions.retrieve(ref.subscriptionId);
  const subscription = stateOf(retrieved);
  const named = {
    teamId: ref.teamId ?? retrieved.metadata?.team_id,
    waitlistId: ref.waitlistId ?? retrieved.metadata?.waitlist_id,
  };
  // The team's own subscription ending may leave another of its subscriptions billing (lib/billing/legacy.ts):
  // asked of Stripe now, before the transaction locks the team's row.
  const others = planForStatus(subscription.status) === "FREE" ? await retrieveLegacyOf(subscription.id) : [];

  let applied: Applied | null;
  try {
    applied = await applySubscription(event, subscription, named, others);
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
  if (applied.changed || applied.switched) {
    await recordAudit({
      teamId: applied.teamId,
      actor: { kind: "system", label: "Stripe" },
      action: "billing.plan_changed",
      details: { plan: applied.plan, status: applied.status, ...applied.switched },
    }).catch((error: unknown) => logger.error("audit: could not record a plan change", error));
  }
  return { duplicate: false, handled: true };
}

type Applied = {
  teamId: string;
  slugs: string[];
  plan: "FREE" | "PRO";
  status: string | null;
  changed: boolean;
  /** Set when the team took one of its other subscriptions (audited with the plan change). */
  switched?: { subscription: string; replaced: string | null; from: "legacy_subscriptions" };
};

type TeamRow = { id: string; plan: "FREE" | "PRO"; stripe_subscription_id: string | null; subscription_status: string | null; stripe_customer_id: string | null };

/**
 * The team named by the subscription (one of its other subscriptions, its metadata, a waitlist of a subscription
 * made before teams, or the subscription id the team already holds) takes the plan Stripe reports now, and so
 * do all its waitlists: `waitlists.plan` is the team's plan copied onto each list, in this same transaction,
 * under the team's row lock (which a new list's FOR SHARE read of the plan waits for, lib/waitlists/mutations.ts).
 */
async function applySubscription(
  event: Stripe.Event,
  subscription: SubscriptionState,
  named: { teamId?: string; waitlistId?: string },
  others: SubscriptionState[],
): Promise<Applied | null> {
  return db().$transaction(async (tx) => {
    // The event row is the lock against a concurrent redelivery: a second insert fails and rolls back.
    await tx.stripeEvent.create({ data: { id: event.id, type: event.type } });
    const teamId = await teamIdFor(tx, subscription.id, named);
    if (!teamId) return null;
    const [team] = await tx.$queryRaw<TeamRow[]>`
      SELECT id, plan::text AS plan, stripe_subscription_id, subscription_status, stripe_customer_id FROM teams WHERE id = ${teamId} FOR UPDATE`;
    if (!team) return null;
    const plan = planForStatus(subscription.status);
    const unchanged: Applied = { teamId: team.id, slugs: [], plan: team.plan, status: team.subscription_status, changed: false };
    const own = team.stripe_subscription_id === subscription.id;
    const legacy = own ? null : await tx.legacySubscription.findFirst({ where: { subscriptionId: subscription.id, teamId: team.id } });
    if (legacy) {
      // One of the team's other subscriptions: its row follows Stripe, and it never replaces the team's own
      // while the team is Pro; a Free team takes it when it bills again.
      await tx.legacySubscription.update({ where: { subscriptionId: subscription.id }, data: { status: subscription.status, customerId: subscription.customer } });
      if (plan === "FREE" || team.plan === "PRO") return unchanged;
      return adopt(tx, team, subscription, true);
    }
    // Another subscription than the team's own never downgrades it (a newer one wins over an older, ended one),
    // and while the team is Pro on its own, only a completed checkout replaces it (the replaced one, if it still
    // bills, is kept as one of the team's others).
    const another = team.stripe_subscription_id !== null && !own;
    if (another && (plan === "FREE" || (team.plan === "PRO" && event.type !== "checkout.session.completed"))) {
      // Not taken, but not forgotten: a second subscription of the team that has not ended (a second checkout
      // that turned active later) is kept as one of its others, so the fallback finds it when the own one ends.
      await keepDisplaced(tx, team.id, subscription);
      return unchanged;
    }
    if (own && plan === "FREE") {
      // The team's own has ended: one of its others that still bills takes its place instead of a downgrade.
      const fallback = await pickFallback(tx, team.id, others);
      if (fallback) return adopt(tx, team, fallback, true, subscription);
    }
    return adopt(tx, team, subscription, false);
  });
}

/** The team holds `sub` from now on: its plan, status and customer, copied plan on every list. */
async function adopt(tx: Prisma.TransactionClient, team: TeamRow, sub: SubscriptionState, fromLegacy: boolean, ended?: SubscriptionState): Promise<Applied> {
  const plan = planForStatus(sub.status);
  const held = team.stripe_subscription_id;
  await tx.legacySubscription.deleteMany({ where: { subscriptionId: sub.id } });
  if (held !== null && held !== sub.id) {
    await keepDisplaced(tx, team.id, ended ?? { id: held, status: team.subscription_status, customer: team.stripe_customer_id });
  }
  await tx.team.update({
    where: { id: team.id },
    data: { plan, subscriptionStatus: sub.status, stripeSubscriptionId: sub.id, stripeCustomerId: sub.customer },
    select: { id: true },
  });
  await tx.waitlist.updateMany({ where: { teamId: team.id, plan: { not: plan } }, data: { plan } });
  const lists = await tx.waitlist.findMany({ where: { teamId: team.id }, select: { slug: true } });
  return {
    teamId: team.id,
    slugs: lists.map((l) => l.slug),
    plan,
    status: sub.status,
    changed: team.plan !== plan,
    ...(fromLegacy ? { switched: { subscription: sub.id, replaced: held, from: "legacy_subscriptions" as const } } : {}),
  };
}

async function teamIdFor(tx: Prisma.TransactionClient, subscriptionId: string, named: { teamId?: string; waitlistId?: string }): Promise<string | null> {
  const legacy = await tx.legacySubscription.findUnique({ where: { subscriptionId }, select: { teamId: true } });
  if (legacy) return legacy.teamId;
  if (named.teamId) return named.teamId;
  if (named.waitlistId) {
    const list = await tx.waitlist.findUnique({ where: { id: named.waitlistId }, select: { teamId: true } });
    if (list) return list.teamId;
  }
  const holder = await tx.team.findUnique({ where: { stripeSubscriptionId: subscriptionId }, select: { id: true } });
  return holder?.id ?? null;
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
