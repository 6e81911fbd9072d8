import "server-only";
import { pool } from "@/lib/db";
import type { InvitationSettings, InvitationSettingsInput } from "@/lib/invitations/schemas";

// The invitation settings of an owned waitlist (callers checked the owner): kept apart from the page's
// settings (lib/waitlists), since they shape the email and the schedule, not the hosted page.

type Row = { invite_url: string | null; invite_message: string; require_invite_code: boolean; time_zone: string };

export async function getInvitationSettings(waitlistId: string): Promise<InvitationSettings> {
  const { rows } = await pool().query<Row>(
    `SELECT invite_url, invite_message, require_invite_code, time_zone FROM waitlists WHERE id = $1`,
    [waitlistId],
  );
  const row = rows[0];
  if (!row) throw new Error(`no waitlist ${waitlistId}`);
  return row;
}

/**
 * Stores the fields sent (undefined = unchanged). A new time zone does not move waves already scheduled:
 * their next run was computed in the old zone; each run after it uses the new one.
 */
export async function updateInvitationSettings(waitlistId: string, input: InvitationSettingsInput): Promise<InvitationSettings> {
  const changes = Object.entries(input).filter(([, v]) => v !== undefined);
  if (changes.length > 0) {
    // Column names come from the strict schema's keys, never from the request; values are bind parameters.
    const sets = changes.map(([column], i) => `${column} = $${i + 2}`);
    await pool().query(`UPDATE waitlists SET ${sets.join(", ")}, updated_at = now() WHERE id = $1`, [
      waitlistId,
      ...changes.map(([, v]) => v),
    ]);
  }
  return getInvitationSettings(waitlistId);
}
