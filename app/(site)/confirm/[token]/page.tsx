import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { describeConfirmation } from "@/lib/signups/confirmation";

// Where a double opt-in email's link lands. Opening it changes nothing (mail scanners open links on their
// own); the button posts to the confirm endpoint, which puts the person in line and sends them on to their
// private status page. The link is single-use: opened again later it is not found (./not-found.tsx); in the
// moment a second press races the first, it says they are confirmed and points to "Email me my link" on the
// waitlist's page, since a confirm link mints no status link once confirmed.

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
              : `Your email is confirmed for the ${view.waitlistTitle} waitlist. To see your place, use "Email me my link" on the waitlist's page.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {pending ? (
            <form method="post" action={`/api/public/confirm/${encodeURIComponent(token)}`}>
              <Button type="submit">Confirm my spot</Button>
            </form>
          ) : (
            <ButtonLink href={`/w/${encodeURIComponent(view.slug)}`} variant="secondary">
              Go to the waitlist page
            </ButtonLink>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
