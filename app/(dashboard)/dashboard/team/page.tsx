import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dashboardTeams } from "@/lib/dashboard/gate";
import { env } from "@/lib/env";
import { getTeam, listMembers, listPendingInvitations, teamOwnerEmails } from "@/lib/teams/queries";
import { roleAtLeast } from "@/lib/teams/roles";
import { InviteForm } from "../../_components/teams/invite-form";
import { MembersTable } from "../../_components/teams/members-table";
import { PendingInvitations } from "../../_components/teams/pending-invitations";
import { TeamSettingsForm } from "../../_components/teams/team-settings-form";

export const metadata: Metadata = { title: "Team" };

// The Members tab of the current team (docs/teams.md). Every member sees who is in the team; admins also see
// pending invitations; owners invite, revoke, change roles, remove people and edit the team's settings. The API
// enforces the same, so this page only leaves out what a role cannot use.
export default async function TeamMembersPage() {
  const { owner, current } = await dashboardTeams("/dashboard/team");
  const isOwner = current.role === "owner";
  const isAdmin = roleAtLeast(current.role, "admin");
  const [team, members, invitations, owners] = await Promise.all([
    getTeam(current.teamId, current.role, owner.id),
    listMembers(current.teamId, owner.id),
    isAdmin ? listPendingInvitations(current.teamId) : Promise.resolve([]),
    isOwner ? Promise.resolve([]) : teamOwnerEmails(current.teamId),
  ]);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-8">
        {isOwner ? (
          <Card>
            <CardHeader>
              <CardTitle>Invite someone</CardTitle>
              <CardDescription>They get an email with a link; they sign in with that address to join.</CardDescription>
            </CardHeader>
            <CardContent>
              <InviteForm teamId={team.id} perDay={env().TEAM_INVITES_PER_DAY} />
            </CardContent>
          </Card>
        ) : (
          <p className="rounded-control border border-line bg-white px-4 py-3 text-sm text-muted" data-testid="ask-an-owner">
            Only owners invite people and change roles. To add someone, ask {owners.length === 1 ? "the owner" : "an owner"}:{" "}
            <span className="font-medium text-ink">{owners.join(", ")}</span>.
          </p>
        )}

        <Card>
          <CardHeader>
            <CardTitle>Members</CardTitle>
            <CardDescription>
              {members.length === 1 ? "Just you so far." : `${members.length} people`} · {team.personal ? "your personal team" : "a shared team"}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <MembersTable teamId={team.id} teamName={team.name} members={members} yourRole={current.role} />
          </CardContent>
        </Card>

        {isAdmin ? (
          <Card>
            <CardHeader>
              <CardTitle>Pending invitations</CardTitle>
              <CardDescription>Links sent but not used yet.{isOwner ? " Revoke one and its link stops working." : ""}</CardDescription>
            </CardHeader>
            <CardContent>
              <PendingInvitations teamId={team.id} invitations={invitations} canRevoke={isOwner} />
            </CardContent>
          </Card>
        ) : null}
      </div>

      <aside className="space-y-8">
        <Card>
          <CardHeader>
            <CardTitle>Team settings</CardTitle>
            <CardDescription>
              {team.plan === "PRO" ? "Pro plan" : "Free plan"} · applies to every waitlist of this team.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {isOwner ? (
              <TeamSettingsForm teamId={team.id} name={team.name} viewersCanExport={team.viewers_can_export} />
            ) : (
              <dl className="space-y-3 text-sm">
                <div>
                  <dt className="text-xs text-muted">Name</dt>
                  <dd className="font-medium break-words text-ink">{team.name}</dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">Viewers can export personal data</dt>
                  <dd className="font-medium text-ink">{team.viewers_can_export ? "Yes" : "No"}</dd>
                </div>
                <p className="text-xs text-muted">Only owners change these.</p>
              </dl>
            )}
          </CardContent>
        </Card>
        <p className="text-xs text-muted">
          Need another team for another product?{" "}
          <Link href="/dashboard/teams/new" className="font-medium text-brand-700 underline">
            Create a team
          </Link>
          .
        </p>
      </aside>
    </div>
  );
}
