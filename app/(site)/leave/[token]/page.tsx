import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LEAVE_FIELD, LEAVE_VALUE } from "@/lib/signups/leave-form";
import { describeLeave } from "@/lib/signups/line-erase";
import { getPublicWaitlist } from "@/lib/waitlists/public";

// Where "Leave this waitlist" lands (every email's footer, the status page). Opening it erases nothing (mail
// scanners open links on their own); the button posts to /api/public/leave/<token>, which erases and comes
// back here with ?left=<slug>. By then the token opens nothing, so the slug names the list that was left.

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Leave the waitlist",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ left?: string | string[] }> };

export default async function LeavePage({ params, searchParams }: Props) {
  const { token } = await params;
  const view = await describeLeave(token);
  if (!view) {
    const left = (await searchParams).left;
    const waitlist = typeof left === "string" ? await getPublicWaitlist(left) : null;
    if (!waitlist) notFound();
    return (
      <LeaveCard
        title={`You've left ${waitlist.title}`}
        description={`Your data is deleted: your email address, your details, your place in line and every link we sent you. If you change your mind, you can join the ${waitlist.title} waitlist again, at the back of the line.`}
      />
    );
  }
  return (
    <LeaveCard
      title={`Leave the ${view.waitlistTitle} waitlist?`}
      description={`This deletes your email address, your details and your place in line for good, and every link we sent you stops working. Friends you referred keep their places. This can't be undone.`}
    >
      <form method="post" action={`/api/public/leave/${encodeURIComponent(token)}`}>
        <input type="hidden" name={LEAVE_FIELD} value={LEAVE_VALUE} />
        <Button type="submit" variant="danger">
          Leave and delete my data
        </Button>
      </form>
    </LeaveCard>
  );
}

function LeaveCard(props: { title: string; description: string; children?: ReactNode }) {
  return (
    <section className="mx-auto max-w-lg px-6 py-20">
      <Card data-testid="leave-waitlist">
        <CardHeader>
          <CardTitle>{props.title}</CardTitle>
          <CardDescription>{props.description}</CardDescription>
        </CardHeader>
        {props.children ? <CardContent>{props.children}</CardContent> : null}
      </Card>
    </section>
  );
}
