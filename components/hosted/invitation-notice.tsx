import type { SignupStatusView } from "@/lib/signups/status";

// What the private status page says once a person is out of the line: invited (with the owner's link and
// their invite code), joined, or removed by the owner.

export function InvitationNotice({ status }: { status: Pick<SignupStatusView, "status" | "invitation"> }) {
  if (status.status === "joined") {
    return (
      <div data-testid="status-joined">
        <p className="text-2xl font-bold">You&apos;ve joined</p>
        <p className="mt-1 text-sm text-(color:--wf-muted)">You were let in and you&apos;re all set. Welcome aboard!</p>
      </div>
    );
  }
  if (status.status === "removed") {
    return (
      <div data-testid="status-removed">
        <p className="text-2xl font-bold">You&apos;re no longer on this waitlist</p>
        <p className="mt-1 text-sm text-(color:--wf-muted)">The team behind it took you off the list.</p>
      </div>
    );
  }
  const invitation = status.status === "invited" ? status.invitation : null;
  return (
    <div data-testid="status-invited" className="space-y-3">
      <p className="text-2xl font-bold">You&apos;re in!</p>
      <p className="text-sm text-(color:--wf-muted)">You&apos;ve been let in. Check your inbox for your invitation.</p>
      {invitation?.code ? (
        <p className="text-sm">
          Your invite code:{" "}
          <span data-testid="status-invite-code" className="font-mono text-lg font-bold tracking-widest text-(color:--wf-primary)">
            {invitation.code}
          </span>
        </p>
      ) : null}
      {invitation?.url ? (
        <a
          href={invitation.url}
          rel="noopener noreferrer"
          className="inline-block rounded-(--wf-radius) bg-(--wf-primary) px-4 py-2 text-sm font-semibold text-(color:--wf-on-primary)"
        >
          Get started
        </a>
      ) : null}
    </div>
  );
}
