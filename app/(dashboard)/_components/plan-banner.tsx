import { BillingAction } from "./billing/billing-action";
import { plans } from "@/lib/billing/plans";
import type { DashboardWaitlist } from "@/lib/dashboard/gate";

// Shown when a waitlist has reached its limit. When the Free plan's cap is what stops it, upgrading the team
// is the way out (a team owner's); when the list's own capacity is, Settings is (an admin's).

export function PlanBanner({ waitlist, freeCap }: { waitlist: DashboardWaitlist; freeCap: number }) {
  if (!waitlist.full || waitlist.cap === null) return null;
  const planIsTheLimit = waitlist.plan === "FREE" && (waitlist.capacity === null || waitlist.capacity >= freeCap);
  const pro = plans(freeCap).PRO;
  const settings = waitlist.canEdit ? "Raise the capacity in Settings" : "An admin can raise the capacity in Settings";

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
            ? `New visitors see a "waitlist is full" notice. ${pro.name} ($${pro.priceMonthlyUsd}/month for the whole team) removes the limit and the WaitForge branding on all your team's lists.`
            : `New visitors see a "waitlist is full" notice. ${settings} to take more signups.`}
        </p>
      </div>
      {planIsTheLimit ? <BillingAction waitlistId={waitlist.id} role={waitlist.role} pro={false} tone="amber" /> : null}
    </section>
  );
}
