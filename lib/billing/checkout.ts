import "server-only";
import { AppError } from "@/lib/errors";
import { stripe, billingConfigured } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// Starting an upgrade and opening Stripe's customer portal, for a waitlist already authorised by the caller.

function client() {
  const s = stripe();
  if (!s || !billingConfigured()) {
    throw new AppError("billing_not_configured", "Billing is not configured on this server, so upgrades are unavailable.");
  }
  return s;
}

export async function createCheckout(waitlistId: string, ownerEmail: string): Promise<string> {
  const s = client();
  const e = env();
  const w = await db().waitlist.findUniqueOrThrow({
    where: { id: waitlistId },
    select: { plan: true, stripeCustomerId: true },
  });
  if (w.plan === "PRO") throw new AppError("conflict", "This waitlist is already on Pro. Use “Manage billing” to change it.");
  const back = `${e.APP_URL}/dashboard/w/${waitlistId}`;
  const session = await s.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: e.STRIPE_PRICE_ID!, quantity: 1 }],
    client_reference_id: waitlistId,
    metadata: { waitlist_id: waitlistId },
    subscription_data: { metadata: { waitlist_id: waitlistId } },
    ...(w.stripeCustomerId ? { customer: w.stripeCustomerId } : { customer_email: ownerEmail }),
    success_url: `${back}?billing=success`,
    cancel_url: `${back}?billing=cancelled`,
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}

export async function createPortal(waitlistId: string): Promise<string> {
  const s = client();
  const w = await db().waitlist.findUniqueOrThrow({ where: { id: waitlistId }, select: { stripeCustomerId: true } });
  if (!w.stripeCustomerId) throw new AppError("conflict", "This waitlist has no subscription yet. Upgrade first.");
  const portal = await s.billingPortal.sessions.create({
    customer: w.stripeCustomerId,
    return_url: `${env().APP_URL}/dashboard/w/${waitlistId}`,
  });
  return portal.url;
}
