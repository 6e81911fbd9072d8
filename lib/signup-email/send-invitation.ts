import "server-only";
import { pool } from "@/lib/db";
import { deliverSignupEmail, type DeliveryOutcome } from "@/lib/signup-email/deliver";
import { InvitationEmail, invitationSubject, invitationText, type InvitationEmailProps } from "@/lib/signup-email/invitation-email";
import { statusUrl } from "@/lib/signup-email/links";
import { mintSignupToken } from "@/lib/signup-email/tokens";

// The invitation job (queue "signup-invited", queued with the invitation by lib/signups/line-admit.ts): the
// owner's message and link and the person's invite code, sent once per signup through deliverSignupEmail. The
// settings are read at send time, so the owner's latest message goes out.

export function invitedKey(signupId: string): string {
  return `invited:${signupId}`;
}

export async function sendInvitationEmail(signupId: string): Promise<DeliveryOutcome> {
  return deliverSignupEmail({
    signupId,
    eventKey: invitedKey(signupId),
    kind: "invited",
    compose: async (row, footer) => {
      // Put back in line (or removed) before the job ran: no invitation to announce.
      if (row.status !== "INVITED") return null;
      const { rows } = await pool().query<{ invite_url: string | null; invite_message: string; invite_code: string | null }>(
        `SELECT w.invite_url, w.invite_message, s.invite_code FROM signups s JOIN waitlists w ON w.id = s.waitlist_id
          WHERE s.id = $1::uuid`,
        [signupId],
      );
      const settings = rows[0];
      if (!settings) return null;
      const props: InvitationEmailProps = {
        theme: row.theme,
        footer,
        name: row.name,
        message: settings.invite_message,
        inviteUrl: settings.invite_url,
        inviteCode: settings.invite_code,
        statusUrl: statusUrl(row.waitlist.slug, await mintSignupToken(signupId, "status")),
      };
      return { subject: invitationSubject(props), element: InvitationEmail(props), text: invitationText(props) };
    },
  });
}
