import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { dashboardTeams } from "@/lib/dashboard/gate";
import { appOrigin } from "@/lib/waitlists/hosted";
import { NewWaitlistForm } from "../../_components/new-waitlist-form";
import { ViewOnlyNote } from "../../_components/view-only-note";

export const metadata: Metadata = { title: "New waitlist" };

export default async function NewWaitlistPage() {
  const { current } = await dashboardTeams("/dashboard/new");

  return (
    <div className="mx-auto max-w-xl">
      <Link href="/dashboard" className="text-sm text-muted hover:text-ink">
        ← Your waitlists
      </Link>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-ink">New waitlist</h1>
      <p className="mt-1 text-sm text-muted">
        In <strong className="text-ink" data-testid="new-waitlist-team">{current.name}</strong>. Two fields and your hosted
        page is live. Colours, logo, fields and limits come next, in settings.
      </p>
      {current.role === "viewer" ? (
        <ViewOnlyNote className="mt-8" more="New waitlists are made by the team's admins and owners." />
      ) : (
        <Card className="mt-8">
          <CardContent>
            <NewWaitlistForm origin={appOrigin()} teamId={current.teamId} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
