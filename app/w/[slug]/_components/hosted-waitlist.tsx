import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { HostedShell } from "@/components/hosted/hosted-shell";
import { SignupForm } from "@/components/hosted/signup-form";
import { StatusLinkSection } from "@/components/hosted/status-link-section";
import { TURNSTILE_ACTIONS } from "@/lib/abuse/turnstile-actions";
import { HONEYPOT_FIELD } from "@/lib/signups/schemas";
import { absoluteUrl, appOrigin, captchaThemeFor, defaultDescription, hostedPageView } from "@/lib/waitlists/hosted";
import { toPublicFields } from "@/lib/fields/definitions";
import { toPublicConfig } from "@/lib/waitlists/public";

// The hosted waitlist page, shared by /w/<slug> and its shared-link form /w/<slug>?ref=CODE (which proxy.ts
// rewrites to /w/<slug>/r/CODE, so that both are cached pages: search params would make a page dynamic).
// Everything here is the same for every visitor of one URL; only the form is a client component.

/** Show "Join N people" only once the number is flattering rather than lonely. */
const SOCIAL_PROOF_MIN = 10;

export async function hostedMetadata(slug: string, ref: string | null): Promise<Metadata> {
  const view = await hostedPageView(slug);
  if (!view) notFound();
  const { waitlist } = view;
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

export async function hostedViewport(slug: string): Promise<Viewport> {
  const view = await hostedPageView(slug);
  return { themeColor: view?.waitlist.theme.bg ?? "#ffffff" };
}

export async function HostedWaitlist({ slug, refCode }: { slug: string; refCode: string | null }) {
  const view = await hostedPageView(slug);
  if (!view) notFound();
  const { waitlist, availability } = view;
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
        siteKey={toPublicConfig(waitlist).turnstile_site_key}
        captchaTheme={captchaThemeFor(waitlist.theme)}
        captchaAction={TURNSTILE_ACTIONS.hosted}
        honeypotName={HONEYPOT_FIELD}
        refCode={refCode}
        initialState={availability.state}
        questions={toPublicFields(waitlist.customFields)}
      />
      <StatusLinkSection waitlist={waitlist} captchaAction={TURNSTILE_ACTIONS.hosted} />
    </HostedShell>
  );
}
