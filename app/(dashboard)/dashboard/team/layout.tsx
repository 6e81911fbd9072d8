import type { ReactNode } from "react";
import { dashboardTeams } from "@/lib/dashboard/gate";
import { ROLE_LABELS } from "@/lib/teams/roles";
import { NavLink } from "../../_components/nav-link";

// The chosen team's own section: its members and invitations, and its audit log. Which team is chosen is the
// header's switcher (the `waitforge_team` cookie); each page checks the person's role there for itself.
export default async function TeamLayout({ children }: { children: ReactNode }) {
  const { current } = await dashboardTeams("/dashboard/team");
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink" data-testid="team-name">
            {current.name}
          </h1>
          <p className="mt-1 text-sm text-muted">
            You are {current.role === "viewer" ? "a" : "an"} {ROLE_LABELS[current.role].toLowerCase()} in this team.
          </p>
        </div>
      </div>
      <nav aria-label="Team" className="mt-6 flex h-11 gap-6 border-b border-line">
        <NavLink href="/dashboard/team" exact>
          Members
        </NavLink>
        <NavLink href="/dashboard/team/audit">Audit log</NavLink>
      </nav>
      <div className="pt-8">{children}</div>
    </div>
  );
}
