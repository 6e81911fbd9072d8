import type { Metadata } from "next";
import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { currentOwner } from "@/lib/auth/session";
import { signOutForInvitation } from "@/lib/teams/invite-actions";
import { previewInvitation, type InvitationPreview } from "@/lib/teams/invitations";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/teams/roles";
import { AcceptInvitationButton } from "./accept-invitation-button";

// The page an invitation email links to (docs/teams.md). Signed out: who invited whom to what, and a sign-in
// that comes back here with the invited address filled in. Signed in with another address: the refusal and a
// way to switch accounts. The invited address: Accept. A used, revoked, expired or unknown link gets one and
// the same message, which names no team.

export const metadata: Metadata = {
  title: "Team invitation",
  robots: { index: false, follow: false },
  // The address holds the token: never send it on to another site.
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const preview = await previewInvitation(token);
  if (!preview) return <InvalidInvitation />;
  const user = await currentOwner();
  const back = `/invite/${token}`;

  return (
    <Card>
      <CardContent className="space-y-6 p-8 sm:p-10">
        <Summary preview={preview} />
        {!user ? (
          <div className="space-y-3">
            <ButtonLink
              href={`/sign-in?callbackUrl=${encodeURIComponent(back)}&email=${encodeURIComponent(preview.email)}`}
              size="lg"
              className="w-full"
            >
              Sign in to accept
            </ButtonLink>
            <p className="text-xs text-muted">
              Sign in with <strong className="text-ink">{preview.email}</strong>. No account yet? The sign-in link creates one.
            </p>
          </div>
        ) : user.email.toLowerCase() !== preview.email.toLowerCase() ? (
          <div className="space-y-4">
            <div role="alert" className="rounded-control border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="wrong-account">
              You are signed in as <strong>{user.email}</strong>, but this invitation is for <strong>{preview.email}</strong>.
              Only that address can accept it.
            </div>
            <form action={signOutForInvitation.bind(null, token)}>
              <Button type="submit" variant="secondary" className="w-full">
                Sign out and sign in as {preview.email}
              </Button>
            </form>
            <p className="text-center text-xs text-muted">
              <Link href="/dashboard" className="underline">
                Back to my dashboard
              </Link>
            </p>
          </div>
        ) : (
          <AcceptInvitationButton token={token} teamName={preview.teamName} />
        )}
      </CardContent>
    </Card>
  );
}

function Summary({ preview }: { preview: InvitationPreview }) {
  const article = preview.role === "viewer" ? "a" : "an";
  return (
    <div>
      <p className="text-sm font-medium text-brand-700">Team invitation</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink break-words" data-testid="invite-team-name">
        Join {preview.teamName}
      </h1>
      <p className="mt-2 text-sm text-muted">
        {preview.inviter ? <strong className="text-ink">{preview.inviter}</strong> : "Someone"} invited{" "}
        <strong className="text-ink">{preview.email}</strong> to join as {article} {ROLE_LABELS[preview.role].toLowerCase()}.
      </p>
      <p className="mt-2 text-xs text-muted">
        {ROLE_LABELS[preview.role]}: {ROLE_DESCRIPTIONS[preview.role]} The link expires{" "}
        {new Date(preview.expiresAt).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}.
      </p>
    </div>
  );
}

function InvalidInvitation() {
  return (
    <Card>
      <CardContent className="space-y-4 p-8 sm:p-10">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">This invitation link doesn&apos;t work</h1>
        <p className="text-sm text-muted">
          It may have been used already, revoked, or it expired (links work for 7 days). Ask the person who invited you
          to send a new one.
        </p>
        <ButtonLink href="/dashboard" variant="secondary">
          Go to my dashboard
        </ButtonLink>
      </CardContent>
    </Card>
  );
}
