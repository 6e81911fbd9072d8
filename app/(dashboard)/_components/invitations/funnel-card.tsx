import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Funnel } from "@/lib/invitations/queries";

// Signed up -> confirmed -> invited -> joined, each as a share of everyone who signed up.

const STEPS: { key: keyof Funnel; label: string }[] = [
  { key: "signed_up", label: "Signed up" },
  { key: "confirmed", label: "Confirmed" },
  { key: "invited", label: "Invited" },
  { key: "joined", label: "Joined" },
];

export function FunnelCard({ funnel }: { funnel: Funnel }) {
  const base = Math.max(1, funnel.signed_up);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Funnel</CardTitle>
        <CardDescription>From signing up to using your product.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label="Funnel">
          {STEPS.map(({ key, label }) => {
            const share = Math.round((funnel[key] / base) * 100);
            return (
              <div key={key} data-testid={`funnel-${key}`}>
                <dt className="text-sm text-muted">{label}</dt>
                <dd className="mt-1 text-2xl font-semibold text-ink tabular-nums">{funnel[key].toLocaleString("en-US")}</dd>
                <dd className="mt-2 h-1.5 rounded-full bg-zinc-100" aria-hidden="true">
                  <div className="h-1.5 rounded-full bg-brand-600" style={{ width: `${share}%` }} />
                </dd>
                <dd className="mt-1 text-xs text-muted">{share}%</dd>
              </div>
            );
          })}
        </dl>
      </CardContent>
    </Card>
  );
}
