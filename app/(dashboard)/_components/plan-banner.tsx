import { Button } from "@/components/ui/button";
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
        // Placeholder until the billing issue lands: visibly disabled, with the reason next to it.
        <div className="flex flex-col items-start gap-1 sm:items-end">
          <Button disabled aria-describedby="billing-placeholder-note">
            Upgrade to {pro.name}
          </Button>
          <span id="billing-placeholder-note" className="text-xs text-amber-900">
            Billing not configured
          </span>
        </div>
      ) : null}
    </section>
  );
}
