import "server-only";
import { sendEmail } from "@/lib/email/transport";
import { env } from "@/lib/env";

// The note to a team's owners and admins whose endpoint was disabled after three days of failed deliveries. Sent once per
// disabling (the Idempotency-Key names the endpoint and the moment), through the same transport as sign-in links.

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export async function notifyEndpointDisabled(d: {
  endpointId: string;
  url: string;
  ownerEmails: string[] | null;
  waitlistTitle: string;
  waitlistId: string;
  reason: string;
  disabledAt: Date;
}): Promise<void> {
  const page = `${env().appOrigin}/dashboard/w/${d.waitlistId}/webhooks`;
  const subject = `Webhook endpoint disabled for ${d.waitlistTitle}`;
  const text = [
    `We disabled a webhook endpoint of your waitlist "${d.waitlistTitle}":`,
    d.url,
    "",
    d.reason,
    "",
    `Fix the receiver, enable the endpoint again and resend the failed deliveries: ${page}`,
  ].join("\n");
  const html = `<p>We disabled a webhook endpoint of your waitlist <strong>${escape(d.waitlistTitle)}</strong>:</p>
<p><code>${escape(d.url)}</code></p><p>${escape(d.reason)}</p>
<p>Fix the receiver, enable the endpoint again and resend the failed deliveries on the
<a href="${escape(page)}">Webhooks page</a>.</p>`;
  for (const to of d.ownerEmails ?? []) {
    await sendEmail({ to, subject, html, text, idempotencyKey: `webhook-disabled:${d.endpointId}:${d.disabledAt.getTime()}:${to}` });
  }
}
