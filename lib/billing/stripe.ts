import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

// The Stripe client, or null when billing is not configured (local development). STRIPE_API_BASE points
// the real SDK at another host (a local fake in tests), through the SDK's own host/port/protocol options.

const holder = globalThis as typeof globalThis & { __waitforgeStripe?: { key: string; client: Stripe } };

export function billingConfigured(): boolean {
  const e = env();
  return Boolean(e.STRIPE_SECRET_KEY && e.STRIPE_PRICE_ID);
}

export function stripe(): Stripe | null {
  const e = env();
  if (!e.STRIPE_SECRET_KEY) return null;
  const key = `${e.STRIPE_SECRET_KEY}|${e.STRIPE_API_BASE ?? ""}`;
  if (holder.__waitforgeStripe?.key === key) return holder.__waitforgeStripe.client;
  const base = e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE) : null;
  const client = new Stripe(e.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 1,
    timeout: 10_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? 443 : 80),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  holder.__waitforgeStripe = { key, client };
  return client;
}

/** Subscription states in which a waitlist is Pro; anything else (canceled, unpaid, ...) is Free. */
const PRO_STATUSES = new Set(["active", "trialing", "past_due"]);

export function planForStatus(status: string | null | undefined): "FREE" | "PRO" {
  return status && PRO_STATUSES.has(status) ? "PRO" : "FREE";
}
