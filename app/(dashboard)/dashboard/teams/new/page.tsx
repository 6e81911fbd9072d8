import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { dashboardOwner } from "@/lib/dashboard/gate";
import { CreateTeamForm } from "../../../_components/teams/create-team-form";

export const metadata: Metadata = { title: "Create a team" };

// Anyone signed in may make a team: they become its owner, it becomes their current team, and they go on to
// invite people (docs/teams.md).
export default async function NewTeamPage() {
  await dashboardOwner("/dashboard/teams/new");

  return (
    <div className="mx-auto max-w-xl">
      <Link href="/dashboard" className="text-sm text-muted hover:text-ink">
        ← Your waitlists
      </Link>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-ink">Create a team</h1>
      <p className="mt-1 text-sm text-muted">
        A team has its own waitlists, API keys, plan and members. You will be its owner; invite people next. Your
        personal team stays as it is.
      </p>
      <Card className="mt-8">
        <CardContent>
          <CreateTeamForm />
        </CardContent>
      </Card>
    </div>
  );
}
