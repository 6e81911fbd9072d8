"use client";

import { ConfirmDeleteButton } from "../confirm-delete-button";

// Revoking cannot be undone and breaks whatever uses the key at once, so it asks first, in place. It names the
// team the page showed (`?team_id=`): the dashboard's current-team cookie may have been switched in another tab
// since, and the key is looked up in the team the request names.

/** The revoke request's path: the key in the page's team, never the cookie's. */
export const revokeKeyPath = (keyId: string, teamId: string) =>
  `/api/keys/${encodeURIComponent(keyId)}?team_id=${encodeURIComponent(teamId)}`;

export function RevokeKeyButton({ keyId, name, teamId }: { keyId: string; name: string; teamId: string }) {
  return (
    <ConfirmDeleteButton
      path={revokeKeyPath(keyId, teamId)}
      label="Revoke"
      ariaLabel={`Revoke ${name}`}
      warning="Anything using it stops working at once."
      confirm="Yes, revoke"
      pendingText="Revoking…"
    />
  );
}
