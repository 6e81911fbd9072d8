import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { HeldSignup } from "@/lib/review/queries";
import { ReferralTree } from "./referral-tree";

// The referrers behind the held credits, one line each with their tree on demand: a farm shows as one person
// with many held referees.

type Referrer = NonNullable<HeldSignup["referrer"]>;

export function Referrers({ waitlistId, held }: { waitlistId: string; held: HeldSignup[] }) {
  const referrers = new Map<string, Referrer>();
  for (const h of held) if (h.referrer) referrers.set(h.referrer.id, h.referrer);
  if (referrers.size === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Referrers</CardTitle>
        <CardDescription>Who the held signups would credit, and whom they brought.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y divide-line" data-testid="referrers">
          {[...referrers.values()].map((r) => (
            <li key={r.id} className="py-3">
              <p className="text-sm">
                <span className="break-all font-medium text-ink">{r.email}</span>{" "}
                <span className="text-muted">
                  · {r.referrals} referrals credited · {r.held} held
                </span>
              </p>
              <ReferralTree waitlistId={waitlistId} signupId={r.id} email={r.email} />
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
