import { BillingButton } from "./billing/billing-button";
import { billingConfigured } from "@/lib/billing/stripe";
import { plans } from "@/lib/billing/plans";
import type { OwnedWaitlist } from "@/lib/waitlists/queries";

// Shown when a waitlist has reached its limit. When the Free plan's cap is what stops it, upgrading is the
// way out; when the owner's own capacity is, settings is.

export function PlanBanner({ waitlist, freeCap }: { waitlist: OwnedWaitlist; freeCap: number }) {
  if (!waitlist.full || waitlist.cap === null) return null;
  const planIsTheLimit = waitlist.plan === "FREE" && (waitlist.capacity === null || waitlist.capacity >= freeCap);
  const pro = plans(freeCap).PRO;

  return (
    <section
      aria-labelledby="plan-banner-title"
      className="flex flex-col gap-4 rounded-card border border-amber-200 bg-amber-50 p-5 sm:flex-row sm:items-center"
      data-testid="plan-banner"
    >
      <div className="flex-1">
        <h2 id="plan-banner-title" className="text-sm font-semibold text-amber-950">
          This waitlist is full: {waitlist.signup_count.toLocaleString("en-US")} of {waitlist.cap.toLocaleString("en-US")} spots taken
        </h2>
        <p className="mt-1 text-sm text-amber-900">
          {planIsTheLimit
            ? `New visitors see a "waitlist is full" notice. ${pro.name} ($${pro.priceMonthlyUsd}/month) removes the limit and the WaitForge branding.`
            : "New visitors see a \"waitlist is full\" notice. Raise the capacity in Settings to take more signups."}
        </p>
      </div>
      {planIsTheLimit ? (
        billingConfigured() ? (
          <BillingButton waitlistId={waitlist.id} action="upgrade" label={`Upgrade to ${pro.name}`} />
        ) : (
          <span className="text-xs text-amber-900">Billing is not configured on this server.</span>
        )
      ) : null}
    </section>
  );
}
