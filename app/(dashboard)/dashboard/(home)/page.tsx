import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { dashboardTeams } from "@/lib/dashboard/gate";
import { listTeamWaitlists, type OwnedWaitlist } from "@/lib/waitlists/queries";
import { ViewOnlyNote } from "../../_components/view-only-note";
import { WaitlistStatusBadge } from "../../_components/waitlist-status-badge";

export const metadata: Metadata = { title: "Your waitlists" };

export default async function WaitlistsPage() {
  const { current } = await dashboardTeams("/dashboard");
  const waitlists = await listTeamWaitlists(current.teamId);
  // Viewers look; creating a list needs an admin or owner of the team (the API says 403 otherwise).
  const canCreate = current.role !== "viewer";

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">
            Your waitlists <span className="text-muted">in</span> <span data-testid="home-team-name">{current.name}</span>
          </h1>
          <p className="mt-1 text-sm text-muted">
            {waitlists.length === 0
              ? "Nothing here yet. Your first hosted page is a minute away."
              : `${waitlists.length} ${waitlists.length === 1 ? "waitlist" : "waitlists"} · ${total(waitlists).toLocaleString("en-US")} people waiting in all`}
          </p>
        </div>
        {waitlists.length > 0 && canCreate ? <ButtonLink href="/dashboard/new">New waitlist</ButtonLink> : null}
      </div>

      {canCreate ? null : <ViewOnlyNote more="New waitlists are made by the team's admins and owners." />}
      {waitlists.length === 0 ? (
        canCreate ? (
          <EmptyState />
        ) : (
          <p className="text-sm text-muted" data-testid="no-waitlists">
            This team has no waitlists yet.
          </p>
        )
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Waitlists">
          {waitlists.map((w) => (
            <li key={w.id}>
              <WaitlistCard waitlist={w} />
            </li>
          ))}
          {canCreate ? (
            <li>
              <Link
                href="/dashboard/new"
                className="flex h-full min-h-52 flex-col items-center justify-center gap-2 rounded-card border-2 border-dashed border-zinc-300 p-5 text-sm font-medium text-muted transition-colors hover:border-brand-400 hover:bg-white hover:text-brand-700"
              >
                <span aria-hidden="true" className="text-2xl leading-none">+</span>
                Create another waitlist
              </Link>
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}

function total(waitlists: OwnedWaitlist[]): number {
  return waitlists.reduce((sum, w) => sum + w.waiting_count, 0);
}

function WaitlistCard({ waitlist: w }: { waitlist: OwnedWaitlist }) {
  const share = w.cap ? Math.min(1, w.signup_count / w.cap) : 0;
  return (
    <Card className="group relative flex h-full flex-col p-5 transition-shadow hover:shadow-lg">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold text-ink">
            {/* The stretched link makes the whole card clickable while keeping one link per card. */}
            <Link href={`/dashboard/w/${w.id}`} className="after:absolute after:inset-0 after:rounded-card">
              {w.title}
            </Link>
          </h2>
          <p className="mt-0.5 truncate font-mono text-xs text-muted">/w/{w.slug}</p>
        </div>
        <WaitlistStatusBadge waitlist={w} />
      </div>
      <p className="mt-6 text-3xl font-semibold tracking-tight text-ink tabular-nums">
        {w.signup_count.toLocaleString("en-US")}
        <span className="ml-1.5 text-sm font-normal text-muted">{w.signup_count === 1 ? "signup" : "signups"}</span>
      </p>
      {w.cap ? (
        <div className="mt-3">
          <div className="h-1.5 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
            <div
              className={share >= 1 ? "h-full bg-amber-500" : "h-full bg-brand-500"}
              style={{ width: `${Math.max(share * 100, w.signup_count > 0 ? 2 : 0)}%` }}
            />
          </div>
          <p className="mt-1.5 text-xs text-muted">
            {w.signup_count.toLocaleString("en-US")} of {w.cap.toLocaleString("en-US")} spots
            {w.plan === "FREE" ? " on the Free plan" : ""}
          </p>
        </div>
      ) : (
        <p className="mt-3 text-xs text-muted">No signup limit</p>
      )}
      <p className="mt-auto pt-5 text-xs text-muted">
        Created {new Date(w.created_at).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}
      </p>
    </Card>
  );
}

function EmptyState() {
  const steps = [
    ["Pick an address", "Your page lives at /w/your-name."],
    ["Make it yours", "Colours, fonts, logo and the fields you ask for."],
    ["Share it", "Hosted page, embed snippet or the JSON API."],
  ];
  return (
    <Card className="overflow-hidden">
      <div className="relative isolate px-6 py-14 text-center sm:px-12">
        <div
          aria-hidden="true"
          className="absolute inset-0 -z-10 bg-[radial-gradient(45%_60%_at_50%_0%,var(--color-brand-50),transparent)]"
        />
        <div aria-hidden="true" className="mx-auto flex w-40 flex-col gap-2">
          <span className="h-3 w-full rounded-full bg-brand-500" />
          <span className="h-3 w-3/4 rounded-full bg-brand-300" />
          <span className="h-3 w-1/2 rounded-full bg-brand-200" />
        </div>
        <h2 className="mt-8 text-xl font-semibold tracking-tight text-ink">Create your first waitlist</h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-pretty text-muted">
          Choose a title and an address and your hosted signup page goes live straight away. You can style it
          afterwards.
        </p>
        <ButtonLink href="/dashboard/new" size="lg" className="mt-8">
          Create a waitlist
        </ButtonLink>
        <ol className="mx-auto mt-12 grid max-w-3xl gap-4 text-left sm:grid-cols-3">
          {steps.map(([title, body], i) => (
            <li key={title} className="rounded-control border border-line bg-white p-4">
              <p className="text-xs font-semibold text-brand-600">Step {i + 1}</p>
              <p className="mt-1 text-sm font-medium text-ink">{title}</p>
              <p className="mt-0.5 text-xs text-muted">{body}</p>
            </li>
          ))}
        </ol>
      </div>
    </Card>
  );
}
