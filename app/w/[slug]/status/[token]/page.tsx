import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cardClass } from "@/components/hosted/form-styles";
import { HostedShell } from "@/components/hosted/hosted-shell";
import { InvitationNotice } from "@/components/hosted/invitation-notice";
import { LiveRefresh } from "@/components/hosted/live-refresh";
import { PrivacyLinks } from "@/components/hosted/privacy-links";
import { SharePanel } from "@/components/hosted/share-panel";
import { getSignupStatus } from "@/lib/signups/status";
import { absoluteUrl } from "@/lib/waitlists/hosted";
import { getPublicWaitlist } from "@/lib/waitlists/public";

// A signup's private status page. The token in the URL is the only key; the page is never indexed and
// sends no Referer, so following a share link from here does not hand the token to another site.

type Props = { params: Promise<{ slug: string; token: string }>; searchParams: Promise<{ confirmed?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const waitlist = await getPublicWaitlist((await params).slug);
  return {
    title: { absolute: waitlist ? `Your place on ${waitlist.title}` : "Your place in line" },
    robots: { index: false, follow: false },
    referrer: "no-referrer",
    openGraph: null,
    twitter: null,
  };
}

export default async function SignupStatusPage({ params, searchParams }: Props) {
  const { slug, token } = await params;
  const justConfirmed = (await searchParams).confirmed === "1";
  const waitlist = await getPublicWaitlist(slug);
  if (!waitlist) notFound();
  const status = await getSignupStatus(waitlist.slug, token);
  if (!status) notFound();

  const referred = status.referralCount;
  return (
    <HostedShell theme={waitlist.theme} title={waitlist.title} eyebrow="Your private status" branding={waitlist.branding}>
      <LiveRefresh seconds={30} />
      <div className={`${cardClass} space-y-6`} data-testid="signup-status">
        <div className="text-center">
          {justConfirmed && status.status !== "pending" ? (
            <p data-testid="status-confirmed" className="mb-4 text-sm font-medium">
              Email confirmed. Bookmark this page: it is your private status link.
            </p>
          ) : null}
          {status.status === "pending" ? (
            <>
              <p className="text-2xl font-bold">Confirm your email</p>
              <p className="mt-1 text-sm text-pretty text-(color:--wf-muted)">
                Click the link in the email we sent you to take your place in line. Until then you have no place, and
                friends who join with your link don&apos;t count yet.
              </p>
            </>
          ) : status.position !== null ? (
            <>
              <p className="text-sm text-(color:--wf-muted)">Your place in line right now</p>
              <p
                data-testid="status-position"
                className="mt-1 text-6xl leading-none font-bold tracking-tight text-(color:--wf-primary) tabular-nums"
              >
                #{status.position.toLocaleString("en-US")}
              </p>
              <p className="mt-2 text-sm text-(color:--wf-muted)">
                of {status.waiting.toLocaleString("en-US")} {status.waiting === 1 ? "person" : "people"} waiting
              </p>
            </>
          ) : (
            <InvitationNotice status={status} />
          )}
        </div>

        <dl className="grid grid-cols-2 gap-3 text-center">
          <div className="rounded-[min(var(--wf-radius-card),1rem)] bg-(--wf-tint) px-3 py-3">
            <dt className="text-xs text-(color:--wf-muted)">Friends referred</dt>
            <dd data-testid="status-referrals" className="text-2xl font-bold tabular-nums">
              {referred.toLocaleString("en-US")}
            </dd>
          </div>
          <div className="rounded-[min(var(--wf-radius-card),1rem)] bg-(--wf-tint) px-3 py-3">
            <dt className="text-xs text-(color:--wf-muted)">Joined</dt>
            <dd className="text-2xl font-bold">
              {status.joinedAt.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}
            </dd>
          </div>
        </dl>

        <p className="text-center text-sm text-pretty text-(color:--wf-muted)">
          {referred === 0
            ? "Share your link: every friend who joins with it moves you up the line."
            : `Nice: ${referred === 1 ? "a friend has" : `${referred} friends have`} joined with your link. Keep sharing to move up.`}
        </p>

        <SharePanel slug={waitlist.slug} refCode={status.refCode} shareUrl={absoluteUrl(status.sharePath)} title={waitlist.title} />

        <p className="border-t border-(color:--wf-line) pt-4 text-xs text-pretty text-(color:--wf-muted)">
          This page is private: anyone with its address can see your place. Share your referral link above, never
          this page&apos;s address.
        </p>

        <PrivacyLinks token={token} />
      </div>
    </HostedShell>
  );
}
