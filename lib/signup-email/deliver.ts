import "server-only";
import type { ReactElement } from "react";
import { render } from "@react-email/components";
import { pool } from "@/lib/db";
import { EmailSendError, sendEmail } from "@/lib/email/transport";
import { env } from "@/lib/env";
import type { EmailTheme, FooterLinks } from "@/lib/signup-email/email-layout";
import { leavePageUrl, myDataUrl, unsubscribeHeaders, unsubscribePageUrl } from "@/lib/signup-email/links";
import { oneLine, senderFor } from "@/lib/signup-email/sender";
import { mintSignupTokens } from "@/lib/signup-email/tokens";
import type { SignupStatusValue } from "@/lib/signups/statuses";
import { readableTextOn } from "@/lib/waitlists/contrast";
import { readTheme } from "@/lib/waitlists/schemas";

// One email to one signup for one event, at most once: every kind of signup email (welcome, confirmation,
// invitation, digests, link recovery) is sent through here. It reads the signup as it is now (an unsubscribe
// or an erasure since the event wins), skips an event already in the signup_emails ledger (a job re-run after
// a crash or an expiry sends nothing), sends with the event key as Resend's Idempotency-Key (which closes the
// window between Resend accepting a message and the ledger row being written), and records the send.

export type SignupMailRow = {
  signupId: string;
  email: string;
  name: string | null;
  refCode: string;
  score: number;
  seq: number;
  status: SignupStatusValue;
  waitlist: { id: string; slug: string; title: string; referralBoost: number };
  theme: EmailTheme;
};

export type ComposedEmail = { subject: string; element: ReactElement; text: string };

export type DeliverOptions = {
  signupId: string;
  /** One key per event ("welcome:<signupId>"): the ledger's and Resend's idempotency key. */
  eventKey: string;
  /** Recorded in the ledger (signup_emails.kind). */
  kind: string;
  /**
   * An email the person asked for themselves (a confirmation link, their status link): sent even after an
   * unsubscribe, and without an unsubscribe link (RFC 8058 is for mailings).
   */
  transactional?: boolean;
  /** Writes the email; null when, as things are now, there is nothing to send (e.g. no longer invited). */
  compose: (row: SignupMailRow, footer: FooterLinks) => Promise<ComposedEmail | null>;
};

export type DeliveryOutcome =
  | { sent: true; providerId: string | null }
  | { sent: false; reason: "gone" | "unsubscribed" | "already_sent" | "not_applicable" };

type Row = {
  email: string;
  name: string | null;
  ref_code: string;
  score: number;
  seq: number;
  status: SignupStatusValue;
  unsubscribed_at: Date | null;
  waitlist_id: string;
  slug: string;
  title: string;
  theme: unknown;
  referral_boost: number;
  sent: boolean;
};

// Resend already holds a message under this key with other content (a re-run writes fresh tokens): an
// earlier (or concurrent) run's send went through and its ledger row is missing or not written yet.
const ALREADY_SENT_CODE = "invalid_idempotent_request";

export async function deliverSignupEmail(options: DeliverOptions): Promise<DeliveryOutcome> {
  const { signupId, eventKey, kind } = options;
  const { rows } = await pool().query<Row>(
    `SELECT s.email, s.name, s.ref_code, s.score, s.seq, s.status, s.unsubscribed_at,
            w.id AS waitlist_id, w.slug, w.title, w.theme, w.referral_boost,
            EXISTS (SELECT 1 FROM signup_emails e WHERE e.event_key = $2) AS sent
       FROM signups s JOIN waitlists w ON w.id = s.waitlist_id
      WHERE s.id = $1::uuid`,
    [signupId, eventKey],
  );
  const row = rows[0];
  if (!row) return { sent: false, reason: "gone" };
  if (row.unsubscribed_at && !options.transactional) return { sent: false, reason: "unsubscribed" };
  if (row.sent) return { sent: false, reason: "already_sent" };

  const theme = readTheme(row.theme);
  const mailRow: SignupMailRow = {
    signupId,
    email: row.email,
    name: row.name,
    refCode: row.ref_code,
    score: row.score,
    seq: row.seq,
    status: row.status,
    waitlist: { id: row.waitlist_id, slug: row.slug, title: row.title, referralBoost: row.referral_boost },
    theme: { waitlistTitle: row.title, primary: theme.primary, onPrimary: readableTextOn(theme.primary), logoUrl: theme.logo_url },
  };
  const { unsubscribeToken, footer } = await footerFor(signupId, options.transactional === true);
  const email = await options.compose(mailRow, footer);
  if (!email) return { sent: false, reason: "not_applicable" };

  let id: string | null = null;
  let sentHere = true;
  try {
    ({ id } = await sendEmail({
      from: senderFor(row.title, env().EMAIL_FROM),
      to: row.email,
      subject: oneLine(email.subject),
      html: await render(email.element),
      text: email.text,
      ...(unsubscribeToken ? { headers: unsubscribeHeaders(unsubscribeToken) } : {}),
      idempotencyKey: eventKey,
    }));
  } catch (error) {
    if (!(error instanceof EmailSendError && error.providerCode === ALREADY_SENT_CODE)) throw error;
    sentHere = false;
  }
  await pool().query(
    `INSERT INTO signup_emails (event_key, signup_id, kind, provider_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_key) DO NOTHING`,
    [eventKey, signupId, kind, id],
  );
  // The provider holding the key means another run (a retry, or a second worker racing this one) sent it.
  return sentHere ? { sent: true, providerId: id } : { sent: false, reason: "already_sent" };
}

/**
 * A mailing's footer: unsubscribe, "Download my data" (a status token: the person's read key, the same one
 * the welcome email's status link is; lib/signups/own-token.ts) and "Leave this waitlist" (a leave token,
 * which only erases). A transactional email, asked for by the person, carries none: the status link it
 * carries leads to the same choices.
 */
async function footerFor(signupId: string, transactional: boolean) {
  if (transactional) return { unsubscribeToken: null, footer: { unsubscribeUrl: null } satisfies FooterLinks };
  const [unsubscribeToken, dataToken, leaveToken] = await mintSignupTokens(signupId, ["unsubscribe", "status", "leave"]);
  const footer: FooterLinks = {
    unsubscribeUrl: unsubscribePageUrl(unsubscribeToken!),
    extra: [
      { label: "Download my data", href: myDataUrl(dataToken!) },
      { label: "Leave this waitlist", href: leavePageUrl(leaveToken!) },
    ],
  };
  return { unsubscribeToken: unsubscribeToken!, footer };
}
