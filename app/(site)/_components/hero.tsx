import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ArrowRightIcon, CheckIcon } from "./icons";

export function Hero() {
  return (
    <section className="relative isolate overflow-hidden">
      <div
        aria-hidden="true"
        className="absolute inset-x-0 top-0 -z-10 h-[36rem] bg-[radial-gradient(60%_60%_at_50%_0%,var(--color-brand-100),transparent)]"
      />
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-[linear-gradient(to_right,var(--color-line)_1px,transparent_1px),linear-gradient(to_bottom,var(--color-line)_1px,transparent_1px)] bg-[size:48px_48px] opacity-40 [mask-image:radial-gradient(ellipse_at_top,black,transparent_70%)]"
      />
      <div className="mx-auto grid max-w-6xl items-center gap-14 px-4 pt-16 pb-20 sm:px-6 lg:grid-cols-[1.1fr_1fr] lg:pt-24 lg:pb-28">
        <div className="min-w-0">
          <Badge tone="brand" className="mb-6">
            Hosted waitlists · referral leaderboards
          </Badge>
          <h1 className="text-4xl font-semibold tracking-tight text-balance text-ink sm:text-5xl lg:text-[3.5rem] lg:leading-[1.05]">
            Waitlists that grow themselves
          </h1>
          <p className="mt-6 max-w-xl text-lg leading-8 text-pretty text-muted">
            WaitForge gives you a branded signup page, an embeddable form and a public API in minutes. Everyone
            who joins gets a place in line and a referral link, and every friend they bring moves them up, so
            your launch list spreads on its own.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <ButtonLink href="/sign-in" size="lg">
              Start your waitlist
              <ArrowRightIcon className="size-4" />
            </ButtonLink>
            <ButtonLink href="/w/demo" variant="secondary" size="lg">
              See the demo waitlist
            </ButtonLink>
          </div>
          <ul className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm text-muted">
            {["Free up to 1,000 signups", "No password: magic-link sign-in", "No card required"].map((item) => (
              <li key={item} className="flex items-center gap-1.5">
                <CheckIcon className="size-4 text-brand-600" />
                {item}
              </li>
            ))}
          </ul>
        </div>
        <SignupPreview />
      </div>
    </section>
  );
}

const leaders = [
  { name: "Maya R.", invites: 31 },
  { name: "Jonas K.", invites: 24 },
  { name: "Priya S.", invites: 19 },
];

/** A static picture of what a person sees after joining; decorative, so hidden from assistive technology. */
function SignupPreview() {
  return (
    <div aria-hidden="true" className="relative mx-auto w-full max-w-md min-w-0 select-none lg:max-w-none">
      <div className="absolute -inset-4 -z-10 rounded-[2rem] bg-gradient-to-tr from-brand-200/60 via-white to-fuchsia-100/60 blur-2xl" />
      <div className="overflow-hidden rounded-2xl border border-line bg-white shadow-[0_24px_64px_-24px_oklch(0.3_0.12_278/0.35)]">
        <div className="flex items-center gap-2 border-b border-line bg-surface px-4 py-3">
          <span className="size-2.5 rounded-full bg-red-300" />
          <span className="size-2.5 rounded-full bg-amber-300" />
          <span className="size-2.5 rounded-full bg-emerald-300" />
          <span className="ml-3 truncate rounded-md bg-white px-3 py-1 font-mono text-xs text-muted ring-1 ring-line">
            waitforge.app/w/acme-notes
          </span>
        </div>
        <div className="space-y-5 p-6">
          <div>
            <p className="text-xs font-semibold tracking-wide text-brand-600 uppercase">Acme Notes</p>
            <p className="mt-1 text-xl font-semibold text-ink">You&apos;re on the list</p>
          </div>
          <div className="flex items-end justify-between rounded-xl bg-brand-600 p-5 text-white">
            <div>
              <p className="text-sm text-brand-100">Your place in line</p>
              <p className="text-4xl font-semibold tabular-nums">#128</p>
            </div>
            <p className="rounded-full bg-white/15 px-2.5 py-1 text-xs font-medium">▲ 3 friends invited</p>
          </div>
          <div>
            <p className="text-sm font-medium text-ink">Share your link to move up</p>
            <div className="mt-2 flex items-center gap-2 rounded-lg bg-surface px-3 py-2 ring-1 ring-line">
              <span className="truncate font-mono text-xs text-muted">waitforge.app/w/acme-notes?ref=HQ7MZP4K</span>
              <span className="ml-auto rounded-md bg-white px-2 py-1 text-xs font-medium text-ink ring-1 ring-line">
                Copy
              </span>
            </div>
          </div>
          <div>
            <p className="text-sm font-medium text-ink">Top referrers</p>
            <ol className="mt-2 divide-y divide-line rounded-lg ring-1 ring-line">
              {leaders.map((leader, index) => (
                <li key={leader.name} className="flex items-center gap-3 px-3 py-2 text-sm">
                  <span className="w-4 text-muted tabular-nums">{index + 1}</span>
                  <span className="text-ink">{leader.name}</span>
                  <span className="ml-auto text-muted tabular-nums">{leader.invites} invites</span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      </div>
    </div>
  );
}
