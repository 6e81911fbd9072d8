import { TURNSTILE_ACTIONS } from "@/lib/abuse/turnstile-actions";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FONT_VARIABLE_CLASSES } from "@/components/hosted/fonts";
import { FrameResizer } from "@/components/hosted/frame-resizer";
import { SignupForm } from "@/components/hosted/signup-form";
import { StatusLinkSection } from "@/components/hosted/status-link-section";
import { themeStyle } from "@/components/hosted/theme-style";
import { HONEYPOT_FIELD } from "@/lib/signups/schemas";
import { getAvailability } from "@/lib/waitlists/availability";
import { appOrigin, captchaThemeFor, refFromSearch } from "@/lib/waitlists/hosted";
import { getPublicWaitlist, toPublicConfig } from "@/lib/waitlists/public";
import { toPublicFields } from "@/lib/fields/definitions";

// The iframe embed for sites that forbid third-party scripts: just the themed form, sized to its content.
// This is the one route other sites may frame (next.config.ts headers, lib/security/headers.ts).

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const waitlist = await getPublicWaitlist((await params).slug);
  return {
    title: { absolute: waitlist ? `Join ${waitlist.title}` : "Waitlist" },
    robots: { index: false, follow: false },
    openGraph: null,
    twitter: null,
  };
}

export default async function EmbedPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const waitlist = await getPublicWaitlist(slug);
  if (!waitlist) notFound();
  const [availability, search] = await Promise.all([getAvailability(waitlist.id), searchParams]);
  if (!availability) notFound();
  const origin = appOrigin();

  return (
    <div className={`${FONT_VARIABLE_CLASSES} bg-(--wf-bg) font-(family-name:--wf-font) text-(color:--wf-text)`} style={themeStyle(waitlist.theme)}>
      <FrameResizer slug={waitlist.slug}>
        <div className="p-1">
          <SignupForm
            slug={waitlist.slug}
            title={waitlist.title}
            origin={origin}
            fields={waitlist.fields}
            siteKey={toPublicConfig(waitlist).turnstile_site_key}
            captchaTheme={captchaThemeFor(waitlist.theme)}
            captchaAction={TURNSTILE_ACTIONS.embed}
            honeypotName={HONEYPOT_FIELD}
            refCode={refFromSearch(search)}
            initialState={availability.state}
            questions={toPublicFields(waitlist.customFields)}
          />
          <StatusLinkSection waitlist={waitlist} captchaAction={TURNSTILE_ACTIONS.embed} />
          {waitlist.branding ? (
            <p className="mt-2 text-center text-xs">
              <a
                href={`${origin}/?utm_source=embed`}
                target="_blank"
                rel="noopener"
                className="text-(color:--wf-muted) underline-offset-4 hover:underline"
              >
                Powered by WaitForge
              </a>
            </p>
          ) : null}
        </div>
      </FrameResizer>
    </div>
  );
}
