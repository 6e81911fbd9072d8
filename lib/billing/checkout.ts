import "server-only";
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
  const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { plan: true, stripeCustomerId: true } });
  if (team.plan === "PRO") throw new AppError("conflict", "This team is already on Pro. Use “Manage billing” to change it.");
  const back = `${e.APP_URL}${returnTo}`;
  const session = await s.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: e.STRIPE_PRICE_ID!, quantity: 1 }],
    client_reference_id: teamId,
    metadata: { team_id: teamId },
    subscription_data: { metadata: { team_id: teamId } },
    ...(team.stripeCustomerId ? { customer: team.stripeCustomerId } : { customer_email: payerEmail }),
    success_url: `${back}?billing=success`,
    cancel_url: `${back}?billing=cancelled`,
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}

export async function createPortal(teamId: string, returnTo: string): Promise<string> {
  const s = client();
  const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { stripeCustomerId: true } });
  if (!team.stripeCustomerId) throw new AppError("conflict", "This team has no subscription yet. Upgrade first.");
  const portal = await s.billingPortal.sessions.create({ customer: team.stripeCustomerId, return_url: `${env().APP_URL}${returnTo}` });
  return portal.url;
}
