import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { dashboardTeams, dashboardWaitlist, type DashboardWaitlist } from "@/lib/dashboard/gate";
import { ROLE_LABELS } from "@/lib/teams/roles";
import { FailedEmailsBadge } from "../../../_components/emails/failed-emails-badge";
import { NavLink } from "../../../_components/nav-link";
import { HeldCountBadge } from "../../../_components/review/held-count-badge";
import { WaitlistStatusBadge } from "../../../_components/waitlist-status-badge";

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// The gate runs here, before any loading boundary, so another owner's id answers with a real 404 status.
export default async function WaitlistLayout({ children, params }: Props) {
  const { id } = await params;
  const waitlist = await dashboardWaitlist(id);
  const base = `/dashboard/w/${waitlist.id}`;
  // The list's own team (not necessarily the one chosen in the header): its name is in the person's memberships.
  const team = (await dashboardTeams(base)).memberships.find((m) => m.teamId === waitlist.team_id);

  return (
    <div>
      <Link href="/dashboard" className="text-sm text-muted hover:text-ink">
        ← Your waitlists
      </Link>
      {waitlist.role !== "owner" ? <RoleBanner role={waitlist.role} team={team?.name ?? "this team"} /> : null}
      <div className="mt-4 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex items-center gap-3">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-ink">{waitlist.title}</h1>
            <WaitlistStatusBadge waitlist={waitlist} />
          </div>
          <a
            href={`/w/${waitlist.slug}`}
            target="_blank"
            rel="noopener"
            className="mt-1 inline-flex items-center gap-1 font-mono text-sm text-brand-700 hover:underline"
          >
            /w/{waitlist.slug}
            <span aria-hidden="true">↗</span>
            <span className="sr-only">(opens the hosted page in a new tab)</span>
          </a>
        </div>
      </div>
      {/* Eleven sections: on narrow screens the row scrolls sideways rather than overflowing the page. */}
      <nav aria-label="Waitlist" className="mt-6 flex h-11 gap-6 overflow-x-auto overflow-y-hidden border-b border-line whitespace-nowrap [&>*]:shrink-0">
        <NavLink href={base} exact>
          Overview
        </NavLink>
        <NavLink href={`${base}/signups`}>Signups</NavLink>
        <NavLink href={`${base}/invitations`}>Let people in</NavLink>
        <NavLink href={`${base}/import`}>Import</NavLink>
        <NavLink href={`${base}/settings`}>Settings</NavLink>
        <NavLink href={`${base}/questions`}>Questions</NavLink>
        <NavLink href={`${base}/restrictions`}>Restrictions</NavLink>
        <NavLink href={`${base}/review`}>Review<HeldCountBadge waitlistId={waitlist.id} /></NavLink>
        <NavLink href={`${base}/features`}>Feature keys</NavLink>
        <NavLink href={`${base}/emails`}>Email delivery<FailedEmailsBadge waitlistId={waitlist.id} /></NavLink>
        <NavLink href={`${base}/webhooks`}>Webhooks</NavLink>
      </nav>
      <div className="pt-8">{children}</div>
    </div>
  );
}

// Who you are here, for anyone but an owner: the pages below hide or disable what this role cannot change.
function RoleBanner({ role, team }: { role: DashboardWaitlist["role"]; team: string }) {
  const what =
    role === "viewer"
      ? "You can see everything on this list, but not change it."
      : "You can change this list and let people in; billing and deleting lists are for the team's owners.";
  return (
    <p className="mt-4 flex flex-wrap items-center gap-2 rounded-control bg-white px-4 py-2.5 text-sm text-ink ring-1 ring-line" data-testid="team-role-banner">
      <Badge tone="brand">{ROLE_LABELS[role]}</Badge>
      <span>
        This list belongs to the team <strong className="font-semibold">{team}</strong>, where you are {role === "admin" ? "an" : "a"} {role}. {what}
      </span>
    </p>
  );
}
