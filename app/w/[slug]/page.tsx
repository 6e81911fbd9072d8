import { TURNSTILE_ACTIONS } from "@/lib/abuse/turnstile-actions";
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { HostedShell } from "@/components/hosted/hosted-shell";
import { SignupForm } from "@/components/hosted/signup-form";
import { StatusLinkSection } from "@/components/hosted/status-link-section";
import { HONEYPOT_FIELD } from "@/lib/signups/schemas";
import { getAvailability } from "@/lib/waitlists/availability";
import { absoluteUrl, appOrigin, captchaThemeFor, defaultDescription, refFromSearch } from "@/lib/waitlists/hosted";
import { getPublicWaitlist, toPublicConfig } from "@/lib/waitlists/public";

// The hosted waitlist page. Server-rendered from the cached public config; only the form is a client
// component. Whether the list is full or closed is read fresh on every request (getAvailability).

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Show "Join N people" only once the number is flattering rather than lonely. */
const SOCIAL_PROOF_MIN = 10;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const waitlist = await getPublicWaitlist(slug);
  if (!waitlist) notFound();
  const ref = refFromSearch(await searchParams);
  const description = waitlist.description || defaultDescription(waitlist.title);
  // A shared link (?ref=) unfurls with the sharer's own card: "#47 on <waitlist>".
  const image = {
    url: absoluteUrl(`/w/${waitlist.slug}/og${ref ? `?ref=${ref}` : ""}`),
    width: 1200,
    height: 630,
    alt: waitlist.title,
  };
  const url = absoluteUrl(`/w/${waitlist.slug}`);
  return {
    title: { absolute: waitlist.title },
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, title: waitlist.title, description, siteName: waitlist.title, images: [image] },
    twitter: { card: "summary_large_image", title: waitlist.title, description, images: [image] },
  };
}

export async function generateViewport({ params }: Props): Promise<Viewport> {
  const waitlist = await getPublicWaitlist((await params).slug);
  return { themeColor: waitlist?.theme.bg ?? "#ffffff" };
}

export default async function HostedWaitlistPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const waitlist = await getPublicWaitlist(slug);
  if (!waitlist) notFound();
  const [availability, search] = await Promise.all([getAvailability(waitlist.id), searchParams]);
  if (!availability) notFound();
  const config = toPublicConfig(waitlist);
  const count = availability.signupCount;

  return (
    <HostedShell
      theme={waitlist.theme}
      title={waitlist.title}
      description={waitlist.description}
      eyebrow={availability.state === "open" ? "Join the waitlist" : undefined}
      branding={waitlist.branding}
      footnote={
        availability.state === "open" && count >= SOCIAL_PROOF_MIN ? (
          <p>
            Join <strong className="font-semibold text-(color:--wf-text)">{count.toLocaleString("en-US")}</strong> people
            already on the list.
          </p>
        ) : null
      }
    >
      <SignupForm
        slug={waitlist.slug}
        title={waitlist.title}
        origin={appOrigin()}
        fields={waitlist.fields}
        siteKey={config.turnstile_site_key}
        captchaTheme={captchaThemeFor(waitlist.theme)}
        captchaAction={TURNSTILE_ACTIONS.hosted}
        honeypotName={HONEYPOT_FIELD}
        refCode={refFromSearch(search)}
        initialState={availability.state}
      />
      <StatusLinkSection waitlist={waitlist} captchaAction={TURNSTILE_ACTIONS.hosted} />
    </HostedShell>
  );
}
