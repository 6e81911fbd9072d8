import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { describeConfirmation } from "@/lib/signups/confirmation";
import { absoluteUrl } from "@/lib/waitlists/hosted";

// Where a double opt-in email's link lands. Opening it changes nothing (mail scanners open links on their
// own); the button posts to the confirm endpoint, which puts the person in line and sends them on to their
// private status page. Opened again later, it says they are confirmed already; the button still leads to a
// fresh status page.

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Confirm your email",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmPage({ params }: Props) {
  const { token } = await params;
  const view = await describeConfirmation(token);
  if (!view) notFound();
  const pending = view.status === "PENDING";
  return (
    <section className="mx-auto max-w-lg px-6 py-20">
      <Card data-testid="confirm">
        <CardHeader>
          <CardTitle>{pending ? `Confirm your spot on ${view.waitlistTitle}` : "You're already confirmed"}</CardTitle>
          <CardDescription>
            {pending
              ? "One click and you're in line. Your referral link starts counting from then on."
              : view.position !== null
                ? `You're #${view.position.toLocaleString("en-US")} on the ${view.waitlistTitle} waitlist.`
                : `Your email is confirmed for the ${view.waitlistTitle} waitlist.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {!pending && (
            <p className="text-sm text-muted">
              Your share link: <span className="break-all font-medium text-ink">{absoluteUrl(view.sharePath)}</span>
            </p>
          )}
          <form method="post" action={`/api/public/confirm/${encodeURIComponent(token)}`}>
            <Button type="submit" variant={pending ? "primary" : "secondary"}>
              {pending ? "Confirm my spot" : "Open my status page"}
            </Button>
          </form>
        </CardContent>
      </Card>
    </section>
  );
}
