import { BillingButton } from "./billing-button";
import { Badge } from "@/components/ui/badge";
import { plans } from "@/lib/billing/plans";
import { billingConfigured } from "@/lib/billing/stripe";
import type { OwnedWaitlist } from "@/lib/waitlists/queries";

// The owner's view of a waitlist's plan: usage against the cap and the Stripe buttons (the full-state banner
// is PlanBanner in the dashboard).

const NOTICES = {
  success: "Thanks! Your upgrade is being confirmed by Stripe; Pro applies as soon as it is (usually seconds).",
  cancelled: "Checkout was cancelled; nothing was charged.",
} as const;

export function PlanPanel({ waitlist, billing }: { waitlist: OwnedWaitlist; billing?: string }) {
  const billingNotice = billing === "success" || billing === "cancelled" ? NOTICES[billing] : null;
  const configured = billingConfigured();
  const pro = waitlist.plan === "PRO";
  const used = waitlist.cap ? Math.min(100, Math.round((waitlist.signup_count / waitlist.cap) * 100)) : null;
  return (
    <section aria-labelledby="plan-heading" className="rounded-card border border-line bg-white p-5 shadow-card">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="plan-heading" className="flex items-center gap-2 text-sm font-semibold text-ink">
            Plan <Badge tone={pro ? "brand" : "neutral"} data-testid="plan-badge">{pro ? "Pro" : "Free"}</Badge>
          </h2>
          <p className="mt-1 text-sm text-muted">
            {waitlist.cap === null
              ? `${waitlist.signup_count.toLocaleString("en-US")} signups, no cap`
              : `${waitlist.signup_count.toLocaleString("en-US")} of ${waitlist.cap.toLocaleString("en-US")} signups`}
            {plans()[waitlist.plan].branding ? " · “Powered by WaitForge” shown on your page" : ""}
          </p>
          {billingNotice ? (
            <p role="status" className="mt-2 text-sm text-ink" data-testid="billing-notice">
              {billingNotice}
            </p>
          ) : null}
          {used !== null ? (
            <div className="mt-2 h-1.5 w-56 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
              <div className={`h-full ${waitlist.full ? "bg-amber-500" : "bg-brand-600"}`} style={{ width: `${used}%` }} />
            </div>
          ) : null}
        </div>
        {!configured ? (
          <p className="text-sm text-muted">Billing is not configured on this server.</p>
        ) : pro ? (
          <BillingButton waitlistId={waitlist.id} action="billing-portal" label="Manage billing" variant="secondary" />
        ) : (
          <BillingButton waitlistId={waitlist.id} action="upgrade" label="Upgrade to Pro" />
        )}
      </div>
    </section>
  );
}
