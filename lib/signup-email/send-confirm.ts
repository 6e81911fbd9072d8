import "server-only";
import { confirmKey } from "@/lib/jobs/queues";
import { ConfirmEmail, confirmSubject, confirmText, type ConfirmEmailProps } from "@/lib/signup-email/confirm-email";
import { deliverSignupEmail, type DeliveryOutcome } from "@/lib/signup-email/deliver";
import { confirmPageUrl } from "@/lib/signup-email/links";
import { mintSignupToken } from "@/lib/signup-email/tokens";

// The confirmation job (queue "signup-confirm"): a link with a fresh "confirm" token (stored hashed, minted
// only when the email is written), sent once per event key. Nothing is sent once the person is no longer
// pending (confirmed through an earlier email, or removed).

export async function sendConfirmationEmail(signupId: string, resend?: string): Promise<DeliveryOutcome> {
  return deliverSignupEmail({
    signupId,
    eventKey: confirmKey(signupId, resend),
    kind: "confirm",
    transactional: true,
    compose: async (row, footer) => {
      if (row.status !== "PENDING") return null;
      const props: ConfirmEmailProps = {
        theme: row.theme,
        footer,
        name: row.name,
        confirmUrl: confirmPageUrl(await mintSignupToken(signupId, "confirm")),
      };
      return { subject: confirmSubject(props), element: ConfirmEmail(props), text: confirmText(props) };
    },
  });
}
