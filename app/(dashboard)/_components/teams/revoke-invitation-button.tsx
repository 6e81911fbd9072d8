"use client";

import { ConfirmDeleteButton } from "../confirm-delete-button";

// Revokes a pending invitation after asking: the emailed link stops working at once.

export function RevokeInvitationButton({ teamId, invitationId, email }: { teamId: string; invitationId: string; email: string }) {
  return (
    <ConfirmDeleteButton
      path={`/api/teams/${teamId}/invitations/${invitationId}`}
      label="Revoke"
      ariaLabel={`Revoke the invitation of ${email}`}
      warning="The emailed link stops working."
      confirm="Yes, revoke"
      pendingText="Revoking…"
    />
  );
}
