import "server-only";
import { deliverSignupEmail, type DeliveryOutcome } from "@/lib/signup-email/deliver";
import { statusUrl } from "@/lib/signup-email/links";
import { StatusLinkEmail, statusLinkSubject, statusLinkText, type StatusLinkEmailProps } from "@/lib/signup-email/status-link-email";
import { mintSignupToken } from "@/lib/signup-email/tokens";

// The "signup-status-link" job: a fresh status token, mailed once per request (the event key is the
// request's), even to someone who unsubscribed (they asked for it), never to someone who left since.

export function statusLinkKey(requestId: string): string {
  return `status-link:${requestId}`;
}

export async function sendStatusLinkEmail(signupId: string, requestId: string): Promise<DeliveryOutcome> {
  return deliverSignupEmail({
    signupId,
    eventKey: statusLinkKey(requestId),
    kind: "status-link",
    transactional: true,
    compose: async (row, footer) => {
      const props: StatusLinkEmailProps = {
        theme: row.theme,
        footer,
        statusUrl: statusUrl(row.waitlist.slug, await mintSignupToken(signupId, "status")),
      };
      return { subject: statusLinkSubject(props), element: StatusLinkEmail(props), text: statusLinkText(props) };
    },
  });
}
