import { Badge } from "@/components/ui/badge";
import { plans } from "@/lib/billing/plans";
import type { DashboardWaitlist } from "@/lib/dashboard/gate";
import { env } from "@/lib/env";
import { BillingAction } from "./billing-action";

// The plan of the list's TEAM (Pro applies to all its lists), this list's usage against its cap, and the
// billing control the person's role allows (the full-state banner is PlanBanner in the dashboard).

const NOTICES = {
  success: "Thanks! Your upgrade is being confirmed by Stripe; Pro applies to all your team's lists as soon as it is (usually seconds).",
  cancelled: "Checkout was cancelled; nothing was charged.",
} as const;

const n = (value: number) => value.toLocaleString("en-US");

export function PlanPanel({ waitlist, billing }: { waitlist: DashboardWaitlist; billing?: string }) {
  const billingNotice = billing === "success" || billing === "cancelled" ? NOTICES[billing] : null;
  const { FREE } = plans(env().FREE_SIGNUP_CAP);
  const pro = waitlist.plan === "PRO";
  const used = waitlist.cap ? Math.min(100, Math.round((waitlist.signup_count / waitlist.cap) * 100)) : null;
  return (
    <section aria-labelledby="plan-heading" className="rounded-card border border-line bg-white p-5 shadow-card">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="plan-heading" className="flex items-center gap-2 text-sm font-semibold text-ink">
            Team plan <Badge tone={pro ? "brand" : "neutral"} data-testid="plan-badge">{pro ? "Pro" : "Free"}</Badge>
          </h2>
          <p className="mt-1 text-sm text-muted" data-testid="plan-summary">
            {pro
              ? "Your team is on Pro: no signup cap and no WaitForge branding on any of its lists."
              : `Your team is on Free: ${FREE.signupCap === null ? "no cap" : `${n(FREE.signupCap)} signups per list`}, with “Powered by WaitForge” on its pages.`}
          </p>
          <p className="mt-1 text-sm text-muted">
            This list:{" "}
            {waitlist.cap === null
              ? `${n(waitlist.signup_count)} signups, no cap`
              : `${n(waitlist.signup_count)} of ${n(waitlist.cap)} signups`}
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
        <BillingAction waitlistId={waitlist.id} role={waitlist.role} pro={pro} />
      </div>
    </section>
  );
}
