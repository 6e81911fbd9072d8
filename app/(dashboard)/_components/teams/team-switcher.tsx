"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { ownerFetch } from "@/lib/dashboard/owner-fetch";
import { ROLE_LABELS, type Role } from "@/lib/teams/roles";
import { cn } from "@/lib/ui/cn";

// The header's team switcher: a disclosure button that opens the person's teams. Choosing one stores it in the
// `waitforge_team` cookie (PUT /api/teams/current) and re-renders the dashboard for it; from a waitlist's pages
// (which belong to the old team) it goes back to the list of waitlists. Keyboard: Enter/Space/ArrowDown open
// it, arrows move between teams, Escape closes it and returns focus to the button.

export type SwitcherTeam = { teamId: string; name: string; role: Role; personal: boolean };

export function TeamSwitcher({ teams, currentId }: { teams: SwitcherTeam[]; currentId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const current = teams.find((t) => t.teamId === currentId);

  useEffect(() => {
    if (!open) return;
    (panel.current?.querySelector<HTMLElement>("[aria-current='true']") ?? panel.current?.querySelector<HTMLElement>("button, a"))?.focus();
    const close = (event: MouseEvent) => {
      if (!panel.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  async function choose(teamId: string) {
    if (teamId === currentId) return setOpen(false);
    setBusy(teamId);
    setError(null);
    const result = await ownerFetch("/api/teams/current", { method: "PUT", body: { team_id: teamId } });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setOpen(false);
    if (pathname.startsWith("/dashboard/w/")) router.push("/dashboard");
    router.refresh();
  }

  function onPanelKey(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(panel.current?.querySelectorAll<HTMLElement>("button, a") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = (at + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  }

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Team: ${current?.name ?? "none"}. Switch team`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="inline-flex max-w-48 items-center gap-1.5 rounded-control px-2 py-1.5 text-sm font-medium text-ink ring-1 ring-line hover:bg-surface focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 sm:max-w-64"
        data-testid="team-switcher"
      >
        <span className="truncate" data-testid="current-team-name">
          {current?.name}
        </span>
        <span aria-hidden="true" className="text-xs text-muted">
          ▾
        </span>
      </button>
      {open ? (
        <div
          ref={panel}
          id={listId}
          onKeyDown={onPanelKey}
          className="absolute left-0 z-40 mt-2 w-72 rounded-card border border-line bg-white p-1.5 shadow-card"
        >
          <p className="px-2.5 pt-1.5 pb-1 text-xs font-medium text-muted">Your teams</p>
          <ul aria-label="Your teams" className="max-h-72 overflow-y-auto">
            {teams.map((t) => (
              <li key={t.teamId}>
                <button
                  type="button"
                  aria-current={t.teamId === currentId ? "true" : undefined}
                  disabled={busy !== null}
                  onClick={() => void choose(t.teamId)}
                  className={cn(
                    "flex w-full items-center justify-between gap-3 rounded-control px-2.5 py-2 text-left text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                    t.teamId === currentId ? "bg-brand-50 text-brand-800" : "text-ink hover:bg-surface",
                  )}
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{t.name}</span>
                    <span className="block text-xs text-muted">
                      {ROLE_LABELS[t.role]}
                      {t.personal ? " · personal" : ""}
                    </span>
                  </span>
                  {busy === t.teamId ? <span className="text-xs text-muted">Switching…</span> : null}
                  {t.teamId === currentId ? <span aria-hidden="true">✓</span> : null}
                </button>
              </li>
            ))}
          </ul>
          {error ? (
            <p role="alert" className="px-2.5 py-1.5 text-xs text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-1 border-t border-line pt-1">
            <Link
              href="/dashboard/teams/new"
              onClick={() => setOpen(false)}
              className="block rounded-control px-2.5 py-2 text-sm font-medium text-brand-700 hover:bg-surface focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            >
              + Create a team
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
