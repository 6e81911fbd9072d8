import { billingConfigured } from "@/lib/billing/stripe";
import type { Role } from "@/lib/teams/roles";
import { BillingButton } from "./billing-button";

// The one place that decides which billing control a person gets. Billing belongs to the team (docs/teams.md)
// and only its owners may start or manage a subscription (the upgrade and portal routes answer 403 to anyone
// else), so admins and viewers get the reason instead of a button that would be refused.

type Props = { waitlistId: string; role: Role; pro: boolean; tone?: "plain" | "amber" };

export function BillingAction({ waitlistId, role, pro, tone = "plain" }: Props) {
  const text = tone === "amber" ? "text-sm text-amber-900" : "text-sm text-muted";
  if (!billingConfigured()) return <p className={text}>Billing is not configured on this server.</p>;
  if (role !== "owner") {
    return (
      <p className={text} data-testid="billing-owner-only">
        {pro ? "Billing is managed by the team's owners." : "Ask a team owner to upgrade."}
      </p>
    );
  }
  return pro ? (
    <BillingButton waitlistId={waitlistId} action="billing-portal" label="Manage billing" variant="secondary" />
  ) : (
    <BillingButton waitlistId={waitlistId} action="upgrade" label="Upgrade to Pro" />
  );
}
