import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { plans } from "@/lib/billing/plans";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: "Pricing",
  description: "WaitForge is free to start, with your whole team on every plan. Pro removes the branding and the signup cap on all your team's waitlists.",
};

// Numbers come from the one plans table (lib/billing/plans.ts) and the server's configured Free cap. Billing
// belongs to the team (docs/teams.md): one subscription covers every waitlist of it, and teams come with every plan.
export const dynamic = "force-dynamic";

export default function PricingPage() {
  const { FREE, PRO } = plans(env().FREE_SIGNUP_CAP);
  const tiers = [
    { plan: FREE, cta: "Start free", highlight: false, limit: `Up to ${FREE.signupCap?.toLocaleString("en-US")} signups per waitlist` },
    { plan: PRO, cta: "Start free, upgrade any time", highlight: true, limit: "Unlimited signups on every waitlist of your team (each list's own capacity still applies)" },
  ];
  return (
    <section className="mx-auto max-w-5xl px-6 py-20">
      <div className="mx-auto max-w-2xl text-center">
        <h1 className="text-4xl font-semibold tracking-tight text-ink sm:text-5xl">Simple pricing, per team</h1>
        <p className="mt-4 text-lg text-muted">
          Every team starts on Free, and every plan has teams: invite your co-founder, marketer and engineer as owners,
          admins or viewers. Upgrade when a launch takes off: one subscription covers all your team&apos;s waitlists,
          monthly, cancel any time.
        </p>
      </div>
      <div className="mt-14 grid gap-6 md:grid-cols-2">
        {tiers.map(({ plan, cta, highlight, limit }) => (
          <Card key={plan.id} className={highlight ? "ring-2 ring-brand-600" : undefined}>
            <CardHeader>
              <div className="flex items-center justify-between">
                <CardTitle className="text-lg">{plan.name}</CardTitle>
                {highlight ? <Badge tone="brand">For launch day</Badge> : null}
              </div>
              <CardDescription>{limit}</CardDescription>
            </CardHeader>
            <CardContent>
              <p className="flex items-baseline gap-1">
                <span className="text-4xl font-semibold tracking-tight text-ink" data-testid={`price-${plan.id.toLowerCase()}`}>
                  ${plan.priceMonthlyUsd}
                </span>
                <span className="text-sm text-muted">/ team / month</span>
              </p>
              <ul className="mt-6 space-y-3 text-sm text-ink">
                <li className="flex gap-2">
                  <Check />
                  {plan.branding ? "“Powered by WaitForge” on your page and embed" : "No WaitForge branding"}
                </li>
                <li className="flex gap-2" data-testid={`teams-${plan.id.toLowerCase()}`}>
                  <Check />
                  Teams: owners, admins and viewers, with an audit log of who changed what
                </li>
                {plan.features.map((f) => (
                  <li key={f} className="flex gap-2">
                    <Check />
                    {f}
                  </li>
                ))}
              </ul>
              <ButtonLink href="/sign-in" className="mt-8 w-full" variant={highlight ? "primary" : "secondary"}>
                {cta}
              </ButtonLink>
            </CardContent>
          </Card>
        ))}
      </div>
      <p className="mt-10 text-center text-sm text-muted">
        A Free waitlist that reaches its cap keeps everyone already on it; new signups are refused until a team owner
        upgrades. Pro applies to every waitlist of the team, including the ones you create later.
      </p>
    </section>
  );
}

function Check() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-brand-600">
      <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
    </svg>
  );
}
