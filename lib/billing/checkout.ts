import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { stripe, billingConfigured } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

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

/** Stripe's client timeout and one retry (lib/billing/stripe.ts), with room to spare. */
const CUSTOMER_TRANSACTION_MS = 25_000;

/**
 * The team's Stripe customer, created on its first upgrade under the team's row lock: owners upgrading at the
 * same time wait for one another and share it, so their Checkout sessions cannot make two customers (and the
 * portal shows every subscription of the team in one place). This is the one Stripe call made while the team's
 * row is locked, and only on a team's first upgrade.
 */
async function teamCustomer(s: Stripe, teamId: string, payerEmail: string): Promise<string> {
  return db().$transaction(
    async (tx) => {
      const [team] = await tx.$queryRaw<{ plan: string; name: string; stripe_customer_id: string | null }[]>`
        SELECT plan::text AS plan, name, stripe_customer_id FROM teams WHERE id = ${teamId} FOR UPDATE`;
      if (!team) throw new AppError("not_found", "No such team.");
      if (team.plan === "PRO") throw new AppError("conflict", "This team is already on Pro. Use “Manage billing” to change it.");
      if (team.stripe_customer_id) return team.stripe_customer_id;
      const customer = await s.customers.create({ email: payerEmail, name: team.name, metadata: { team_id: teamId } });
      await tx.team.update({ where: { id: teamId }, data: { stripeCustomerId: customer.id }, select: { id: true } });
      return customer.id;
    },
    { timeout: CUSTOMER_TRANSACTION_MS },
  );
}

export async function createPortal(teamId: string, returnTo: string): Promise<string> {
  const s = client();
  const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { stripeCustomerId: true } });
  if (!team.stripeCustomerId) throw new AppError("conflict", "This team has no subscription yet. Upgrade first.");
  const portal = await s.billingPortal.sessions.create({ customer: team.stripeCustomerId, return_url: `${env().APP_URL}${returnTo}` });
  return portal.url;
}
