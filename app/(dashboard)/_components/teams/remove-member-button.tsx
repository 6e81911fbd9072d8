"use client";

import { ConfirmDeleteButton } from "../confirm-delete-button";

// Removing a member (owners) or leaving the team (yourself): asks first, in place. After leaving, the team is
// no longer yours to look at, so the dashboard goes back to the waitlists of the team you fall back to.

type Props = { teamId: string; userId: string; email: string; self: boolean; teamName: string };

export function RemoveMemberButton({ teamId, userId, email, self, teamName }: Props) {
  return (
    <ConfirmDeleteButton
      path={`/api/teams/${teamId}/members/${encodeURIComponent(userId)}`}
      label={self ? "Leave team" : "Remove"}
      ariaLabel={self ? `Leave ${teamName}` : `Remove ${email}`}
      warning={self ? "You lose access to this team's waitlists." : "They lose access at once; what they made stays."}
      confirm={self ? "Yes, leave" : "Yes, remove"}
      pendingText={self ? "Leaving…" : "Removing…"}
      cancel="Cancel"
      then={self ? "/dashboard" : undefined}
    />
  );
}
