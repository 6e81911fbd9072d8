// The one table of plans: limits and capabilities (a team's plan, copied onto each of its waitlists). The signup cap (the signup statement, imports, the owner's
// views), the branding line, the CSV import gate and the pricing page read them here, never from a plan's
// name. No server-only import: the pricing page and client components show these numbers too.

export type PlanId = "FREE" | "PRO";

export type PlanDefinition = {
  id: PlanId;
  name: string;
  priceMonthlyUsd: number;
  /** null = no plan cap (the owner's own capacity still applies) */
  signupCap: number | null;
  branding: boolean;
  /** CSV import into the waitlist (POST /api/waitlists/:id/import). */
  canImport: boolean;
  features: string[];
};

export const DEFAULT_FREE_SIGNUP_CAP = 1000;

export function plans(freeSignupCap: number = DEFAULT_FREE_SIGNUP_CAP): Record<PlanId, PlanDefinition> {
  return {
    FREE: {
      id: "FREE",
      name: "Free",
      priceMonthlyUsd: 0,
      signupCap: freeSignupCap,
      branding: true,
      canImport: false,
      features: ["Hosted page, embed and API", "Referral leaderboard", "CSV export", "Turnstile bot protection"],
    },
    PRO: {
      id: "PRO",
      name: "Pro",
      priceMonthlyUsd: 19,
      signupCap: null,
      branding: false,
      canImport: true,
      features: ["Everything in Free", "Unlimited signups on all your team's waitlists", "CSV import"],
    },
  };
}

/** The number of people a waitlist may hold: the smaller of the owner's capacity and the plan's cap. */
export function effectiveCap(plan: PlanDefinition, ownerCapacity: number | null): number | null {
  const caps = [plan.signupCap, ownerCapacity].filter((c): c is number => c !== null);
  return caps.length === 0 ? null : Math.min(...caps);
}
