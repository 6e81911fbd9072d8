import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ONE_CLICK_FIELD, ONE_CLICK_VALUE, describeUnsubscribe } from "@/lib/signup-email/unsubscribe";

// Where an email's "Unsubscribe" link lands. Opening it changes nothing (mail scanners open links on their
// own); the button posts the RFC 8058 form to the one-click endpoint, which unsubscribes and comes back here.

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Unsubscribe",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { token } = await params;
  const view = await describeUnsubscribe(token);
  if (!view) notFound();
  const justDone = (await searchParams).done === "1";
  return (
    <section className="mx-auto max-w-lg px-6 py-20">
      <Card data-testid="unsubscribe">
        <CardHeader>
          <CardTitle>{view.unsubscribed ? "You're unsubscribed" : `Unsubscribe from ${view.waitlistTitle}?`}</CardTitle>
          <CardDescription>
            {view.unsubscribed
              ? `${justDone ? "Done: " : ""}you won't get more emails about the ${view.waitlistTitle} waitlist. You keep your place in line.`
              : `You'll get no more emails about the ${view.waitlistTitle} waitlist. You keep your place in line.`}
          </CardDescription>
        </CardHeader>
        {!view.unsubscribed && (
          <CardContent>
            <form method="post" action={`/api/public/unsubscribe/${encodeURIComponent(token)}`}>
              <input type="hidden" name={ONE_CLICK_FIELD} value={ONE_CLICK_VALUE} />
              <Button type="submit">Unsubscribe</Button>
            </form>
          </CardContent>
        )}
      </Card>
    </section>
  );
}
