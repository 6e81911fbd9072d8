import "server-only";
import { pool } from "@/lib/db";
import { deliverSignupEmail, type DeliveryOutcome } from "@/lib/signup-email/deliver";
import { shareUrl, statusUrl } from "@/lib/signup-email/links";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { WelcomeEmail, welcomeSubject, welcomeText, type WelcomeEmailProps } from "@/lib/signup-email/welcome-email";
import { positionOf } from "@/lib/signups/position";

// The welcome job (queue "signup-welcome"): place, share link, a private status link (a fresh token of its
// own) and how referrals work, sent once per signup through deliverSignupEmail.

export type WelcomeOutcome = DeliveryOutcome;

export function welcomeKey(signupId: string): string {
  return `welcome:${signupId}`;
}

export async function sendWelcomeEmail(signupId: string): Promise<WelcomeOutcome> {
  return deliverSignupEmail({
    signupId,
    eventKey: welcomeKey(signupId),
    kind: "welcome",
    compose: async (row, footer) => {
      // A pending person is welcomed when they confirm (the confirmation queues this job again).
      if (row.status === "PENDING") return null;
      const props: WelcomeEmailProps = {
        theme: row.theme,
        footer,
        name: row.name,
        position: row.status === "WAITING" ? await positionOf(pool(), row.waitlist.id, row.score, row.seq) : null,
        referralBoost: row.waitlist.referralBoost,
        shareUrl: shareUrl(row.waitlist.slug, row.refCode),
        statusUrl: statusUrl(row.waitlist.slug, await mintSignupToken(signupId, "status")),
      };
      return { subject: welcomeSubject(props), element: WelcomeEmail(props), text: welcomeText(props) };
    },
  });
}
