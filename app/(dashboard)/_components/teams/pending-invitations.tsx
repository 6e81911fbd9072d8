import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS } from "@/lib/teams/roles";
import type { InvitationView } from "@/lib/teams/schemas";
import { RevokeInvitationButton } from "./revoke-invitation-button";

// Invitations nobody has answered yet, with who sent them and until when they work; owners may revoke them.

const date = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export function PendingInvitations({ teamId, invitations, canRevoke }: { teamId: string; invitations: InvitationView[]; canRevoke: boolean }) {
  if (invitations.length === 0) {
    return (
      <p className="rounded-control border border-dashed border-line px-4 py-6 text-center text-sm text-muted" data-testid="invitations-empty">
        No pending invitations.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-line" aria-label="Pending invitations">
      {invitations.map((i) => (
        <li key={i.id} data-testid="team-invitation" className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-ink">
              <span className="break-all">{i.email}</span>
              <Badge>{ROLE_LABELS[i.role]}</Badge>
            </p>
            <p className="text-xs text-muted">
              {i.invited_by ? `Invited by ${i.invited_by} · ` : ""}expires {date(i.expires_at)}
            </p>
          </div>
          {canRevoke ? <RevokeInvitationButton teamId={teamId} invitationId={i.id} email={i.email} /> : null}
        </li>
      ))}
    </ul>
  );
}
