import type { ComponentType, SVGProps } from "react";
import { BoltIcon, CodeIcon, PaletteIcon, ShieldIcon, TableIcon, TrophyIcon } from "./icons";
import { SectionHeading } from "./how-it-works";

type Feature = { title: string; body: string; icon: ComponentType<SVGProps<SVGSVGElement>> };

const features: Feature[] = [
  {
    title: "Branded hosted page",
    body: "Your logo, colours and copy on a fast page at /w/your-slug. Share it anywhere; it looks like yours, not ours.",
    icon: PaletteIcon,
  },
  {
    title: "Embed and API",
    body: "Drop the form into any site with one snippet, or post signups from your own UI through a public JSON API.",
    icon: CodeIcon,
  },
  {
    title: "Referral leaderboard",
    body: "Every signup gets a personal link. Each friend who joins moves the referrer up the line, so sharing pays off.",
    icon: TrophyIcon,
  },
  {
    title: "CSV export",
    body: "Download everyone with their place, referrals and join date in one click, ready for your email tool.",
    icon: TableIcon,
  },
  {
    title: "Bot protection with Turnstile",
    body: "Cloudflare Turnstile checks every signup without puzzles, plus rate limits, so your list stays human.",
    icon: ShieldIcon,
  },
  {
    title: "Launch-day scale",
    body: "Positions are computed in constant time and signups are transactional, so a front-page spike just works.",
    icon: BoltIcon,
  },
];

export function Features() {
  return (
    <section id="features" aria-labelledby="features-heading" className="scroll-mt-20">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <SectionHeading
          id="features-heading"
          eyebrow="Features"
          title="Everything a launch list needs, nothing it doesn't"
          lead="The parts founders keep rebuilding, done once and done properly."
        />
        <ul className="mt-12 grid gap-px overflow-hidden rounded-card border border-line bg-line sm:grid-cols-2 lg:grid-cols-3">
          {features.map(({ title, body, icon: FeatureIcon }) => (
            <li key={title} className="bg-white p-6 sm:p-8">
              <span className="flex size-10 items-center justify-center rounded-lg bg-brand-50 text-brand-600 ring-1 ring-brand-100">
                <FeatureIcon className="size-5" />
              </span>
              <h3 className="mt-5 font-semibold text-ink">{title}</h3>
              <p className="mt-2 text-sm leading-6 text-muted">{body}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
