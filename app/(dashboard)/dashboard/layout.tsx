import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";
import { dashboardTeams } from "@/lib/dashboard/gate";
import { NavLink } from "../_components/nav-link";
import { SignOutButton } from "../_components/sign-out-button";
import { TeamSwitcher } from "../_components/teams/team-switcher";

export const metadata: Metadata = {
  title: { default: "Dashboard", template: "%s · WaitForge" },
  robots: { index: false, follow: false },
};

// The proxy only redirects cookie-less visitors; this (and every page) checks the session for real.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { owner, memberships, current } = await dashboardTeams("/dashboard");
  const initial = owner.email.slice(0, 1).toUpperCase();

  return (
    <div className="flex min-h-dvh flex-col bg-surface">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow-card"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-line bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-5 px-4 sm:gap-8 sm:px-6">
          <Logo href="/dashboard" />
          <TeamSwitcher teams={memberships} currentId={current.teamId} />
          <nav aria-label="Dashboard" className="flex h-full items-stretch gap-5 sm:gap-6">
            <NavLink href="/dashboard" exact>
              Waitlists
            </NavLink>
            {/* On phones the list page's own button covers this. */}
            {current.role === "viewer" ? null : (
              <span className="hidden sm:flex">
                <NavLink href="/dashboard/new">New waitlist</NavLink>
              </span>
            )}
            <NavLink href="/dashboard/keys">API keys</NavLink>
            <NavLink href="/dashboard/team">Team</NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden items-center gap-2 text-sm text-muted sm:inline-flex">
              <span
                aria-hidden="true"
                className="inline-flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
              >
                {initial}
              </span>
              <span data-testid="signed-in-email">{owner.email}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}
