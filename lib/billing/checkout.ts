import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { stripe, billingConfigured } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// Starting an upgrade and opening Stripe's customer portal for a TEAM (billing belongs to the team: Pro applies
// to all its waitlists). The caller has authorized a team owner; `returnTo` is the dashboard page to come back to.

function client() {
  const s = stripe();
  if (!s || !billingConfigured()) {
    throw new AppError("billing_not_configured", "Billing is not configured on this server, so upgrades are unavailable.");
  }
  return s;
}

export async function createCheckout(teamId: string, payerEmail: string, returnTo: string): Promise<string> {
  const s = client();
  const e = env();
  const customer = await teamCustomer(s, teamId, payerEmail);
  const back = `${e.APP_URL}${returnTo}`;
  const session = await s.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: e.STRIPE_PRICE_ID!, quantity: 1 }],
    client_reference_id: teamId,
    metadata: { team_id: teamId },
    subscription_data: { metadata: { team_id: teamId } },
    customer,
    success_url: `${back}?billing=success`,
    cancel_url: `${back}?billing=cancelled`,
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}

/**
 * The team's Stripe customer, created on its first upgrade. No lock is held across the Stripe call (a slow Stripe
 * must not hold the team's row, which member changes, new lists and webhooks take): the customer is stored only
 * if the team still has none, and the owner who loses a race between two first upgrades deletes the customer
 * they made and uses the stored one, so both Checkout sessions name one customer and the portal shows every
 * subscription of the team in one place.
 */
async function teamCustomer(s: Stripe, teamId: string, payerEmail: string): Promise<string> {
  const team = await db().team.findUnique({ where: { id: teamId }, select: { plan: true, name: true, stripeCustomerId: true } });
  if (!team) throw new AppError("not_found", "No such team.");
  if (team.plan === "PRO") throw new AppError("conflict", "This team is already on Pro. Use “Manage billing” to change it.");
  if (team.stripeCustomerId) return team.stripeCustomerId;
  const made = await s.customers.create({ email: payerEmail, name: team.name, metadata: { team_id: teamId } });
  const { count } = await db().team.updateMany({ where: { id: teamId, stripeCustomerId: null }, data: { stripeCustomerId: made.id } });
  if (count === 1) return made.id;
  const stored = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { stripeCustomerId: true } });
  await s.customers.del(made.id).catch((error: unknown) => logger.warn(`stripe: could not delete the surplus customer ${made.id}`, error));
  return stored.stripeCustomerId!;
}

export async function createPortal(teamId: string, returnTo: string): Promise<string> {
  const s = client();
  const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { stripeCustomerId: true } });
  if (!team.stripeCustomerId) throw new AppError("conflict", "This team has no subscription yet. Upgrade first.");
  const portal = await s.billingPortal.sessions.create({ customer: team.stripeCustomerId, return_url: `${env().APP_URL}${returnTo}` });
  return portal.url;
}
