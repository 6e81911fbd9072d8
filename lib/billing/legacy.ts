import "server-only";
import Stripe from "stripe";
import { planForStatus, stripe } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// A team's other subscriptions (legacy_subscriptions, docs/billing.md): the per-list subscriptions of the time
// before teams that the teams migration did not give the team, and a subscription the team replaced while it
// still billed. WaitForge does not cancel them, so when the team's own subscription ends, one of them may still
// be billing the owner: the team then switches to it instead of dropping to Free.

export type SubscriptionState = { id: string; status: string; customer: string; created: number };

/** States Stripe never leaves: not worth keeping, nor asking Stripe about again. */
const ENDED = new Set(["canceled", "incomplete_expired"]);
/** The teams migration's order among billing states. */
const RANK: Record<string, number> = { active: 0, trialing: 1, past_due: 2 };

export function stateOf(subscription: Stripe.Subscription): SubscriptionState {
  const customer = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  return { id: subscription.id, status: subscription.status, customer, created: subscription.created ?? 0 };
}

/**
 * The other subscriptions of the team whose OWN subscription is `subscriptionId`, as Stripe reports them now
 * (ended ones are not asked about). Called before the webhook's transaction, so Stripe is never waited for while
 * the team's row is locked; the transaction uses only those still in legacy_subscriptions by then.
 */
export async function retrieveLegacyOf(subscriptionId: string): Promise<SubscriptionState[]> {
  const team = await db().team.findUnique({ where: { stripeSubscriptionId: subscriptionId }, select: { id: true } });
  if (!team) return [];
  const rows = await db().legacySubscription.findMany({
    where: { teamId: team.id, OR: [{ status: null }, { status: { notIn: [...ENDED] } }] },
    select: { subscriptionId: true },
  });
  const found: SubscriptionState[] = [];
  for (const row of rows) {
    try {
      found.push(stateOf(await stripe()!.subscriptions.retrieve(row.subscriptionId)));
    } catch (error) {
      // Gone from Stripe (another account, deleted test data): it bills nobody. Anything else fails the event,
      // which Stripe then redelivers.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") continue;
      throw error;
    }
  }
  return found;
}

/**
 * Under the team's row lock: records the states just retrieved on the team's legacy rows and returns the best
 * one that still bills (the migration's order, then the newest at Stripe), or null.
 */
export async function pickFallback(tx: Prisma.TransactionClient, teamId: string, retrieved: SubscriptionState[]): Promise<SubscriptionState | null> {
  const billing: SubscriptionState[] = [];
  for (const sub of retrieved) {
    const { count } = await tx.legacySubscription.updateMany({ where: { subscriptionId: sub.id, teamId }, data: { status: sub.status, customerId: sub.customer } });
    if (count > 0 && planForStatus(sub.status) === "PRO") billing.push(sub);
  }
  billing.sort((a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9) || b.created - a.created || (a.id < b.id ? 1 : -1));
  return billing[0] ?? null;
}

/** A subscription the team stops holding is kept as one of its others unless it has ended for good. */
export async function keepDisplaced(tx: Prisma.TransactionClient, teamId: string, sub: { id: string; status: string | null; customer: string | null }) {
  if (sub.status !== null && ENDED.has(sub.status)) return;
  await tx.legacySubscription.upsert({
    where: { subscriptionId: sub.id },
    create: { subscriptionId: sub.id, teamId, customerId: sub.customer, status: sub.status },
    update: { teamId, customerId: sub.customer, status: sub.status },
  });
}
