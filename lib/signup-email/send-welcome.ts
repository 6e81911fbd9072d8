import "server-only";
import { render } from "@react-email/components";
import { pool } from "@/lib/db";
import { EmailSendError, sendEmail } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { shareUrl, statusUrl, unsubscribeHeaders, unsubscribePageUrl } from "@/lib/signup-email/links";
import { oneLine, senderFor } from "@/lib/signup-email/sender";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { WelcomeEmail, welcomeSubject, welcomeText, type WelcomeEmailProps } from "@/lib/signup-email/welcome-email";
import { positionOf } from "@/lib/signups/position";
import { readableTextOn } from "@/lib/waitlists/contrast";
import { readTheme } from "@/lib/waitlists/schemas";

// The welcome job (queue "signup-welcome"). Reads the signup as it is now, so an unsubscribe or a removal
// since the signup wins, and records the send under the event key so a second run of the job (a retry after
// a crash, a job expired while slow) sends nothing. The window between Resend accepting the email and that
// record being written is closed by Resend's idempotency key, which is the same event key.

export type WelcomeOutcome = { sent: true; providerId: string | null } | { sent: false; reason: "gone" | "unsubscribed" | "already_sent" };

type Row = {
  email: string;
  name: string | null;
  ref_code: string;
  score: number;
  seq: number;
  status: "WAITING" | "INVITED";
  unsubscribed_at: Date | null;
  waitlist_id: string;
  slug: string;
  title: string;
  theme: unknown;
  referral_boost: number;
  sent: boolean;
};

const ALREADY_SENT_CODE = "invalid_idempotent_request";

export function welcomeKey(signupId: string): string {
  return `welcome:${signupId}`;
}

export async function sendWelcomeEmail(signupId: string): Promise<WelcomeOutcome> {
  const key = welcomeKey(signupId);
  const { rows } = await pool().query<Row>(
    `SELECT s.email, s.name, s.ref_code, s.score, s.seq, s.status, s.unsubscribed_at,
            w.id AS waitlist_id, w.slug, w.title, w.theme, w.referral_boost,
            EXISTS (SELECT 1 FROM signup_emails e WHERE e.event_key = $2) AS sent
       FROM signups s JOIN waitlists w ON w.id = s.waitlist_id
      WHERE s.id = $1`,
    [signupId, key],
  );
  const row = rows[0];
  if (!row) return { sent: false, reason: "gone" };
  if (row.unsubscribed_at) return { sent: false, reason: "unsubscribed" };
  if (row.sent) return { sent: false, reason: "already_sent" };

  const theme = readTheme(row.theme);
  const unsubscribeToken = await mintSignupToken(signupId, "unsubscribe");
  const props: WelcomeEmailProps = {
    waitlistTitle: row.title,
    primary: theme.primary,
    onPrimary: readableTextOn(theme.primary),
    logoUrl: theme.logo_url,
    name: row.name,
    position: row.status === "WAITING" ? await positionOf(pool(), row.waitlist_id, row.score, row.seq) : null,
    referralBoost: row.referral_boost,
    shareUrl: shareUrl(row.slug, row.ref_code),
    statusUrl: statusUrl(row.slug, await mintSignupToken(signupId, "status")),
    unsubscribeUrl: unsubscribePageUrl(unsubscribeToken),
  };
  let id: string | null;
  try {
    ({ id } = await sendEmail({
      from: senderFor(row.title, env().EMAIL_FROM),
      to: row.email,
      subject: oneLine(welcomeSubject(props)),
      html: await render(WelcomeEmail(props)),
      text: welcomeText(props),
      headers: unsubscribeHeaders(unsubscribeToken),
      idempotencyKey: key,
    }));
  } catch (error) {
    // Resend already holds a message under this key with other content (this run's fresh tokens): an earlier
    // run's send went through and only its record was lost. Record it now instead of failing forever.
    if (!(error instanceof EmailSendError && error.providerCode === ALREADY_SENT_CODE)) throw error;
    id = null;
  }
  await pool().query(
    `INSERT INTO signup_emails (event_key, signup_id, kind, provider_id) VALUES ($1, $2, 'welcome', $3)
     ON CONFLICT (event_key) DO NOTHING`,
    [key, signupId, id],
  );
  return { sent: true, providerId: id };
}
