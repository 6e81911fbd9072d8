import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { requireCaptcha } from "@/lib/abuse/require-captcha";
import { pool } from "@/lib/db";
import { jobs } from "@/lib/jobs/boss";
import { jobInsertSql } from "@/lib/jobs/in-statement";
import { consumeSignupMailCap } from "@/lib/signup-email/mail-caps";
import { STATUS_LINK_ANSWER, statusLinkRequestSchema } from "@/lib/signup-email/status-link-schema";
import type { PublicWaitlist } from "@/lib/waitlists/public";

// "Email me my link": the private status link is shown once after signing up, so a person who lost it asks
// for a fresh one by email. Anyone can type any address, so: Turnstile first (bots spend nobody's allowance),
// then the caps on publicly triggered mail (3 a day per recipient, per-IP hourly), spent whether or not the
// address is on the list, and one answer for both, so the route reveals nobody's membership. The lookup and
// the job are one statement, so a listed address costs the same round trip as an unknown one.

export type StatusLinkAnswer = { ok: true; message: string };

export async function requestStatusLink(waitlist: PublicWaitlist, body: Record<string, unknown>, ip: string): Promise<StatusLinkAnswer> {
  const parsed = statusLinkRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    const message = issue?.message ?? "The request is invalid.";
    throw field === "email" ? new AppError("invalid_email", message, "email") : new AppError("invalid_input", message, field || undefined);
  }
  const { email, turnstile } = parsed.data;
  await requireCaptcha(waitlist, turnstile, ip, `${waitlist.id}:status-link:${email}`);

  const cap = await consumeSignupMailCap(email, ip);
  if (!cap.allowed) {
    throw new AppError(
      "rate_limited",
      cap.scope === "recipient"
        ? "We've sent as many emails to this address today as we will. Try again tomorrow, or use a link we already sent."
        : "Too many email requests from your network. Try again later.",
      undefined,
      { "Retry-After": String(Math.max(1, cap.resetSeconds)) },
    );
  }
  await queueStatusLink(waitlist.id, email);
  return { ok: true, message: STATUS_LINK_ANSWER };
}

/** One job per request when the address is on this list (its key is the request's own), none otherwise. */
async function queueStatusLink(waitlistId: string, email: string): Promise<void> {
  await jobs(); // the queue must exist for the in-statement insert
  await pool().query(
    `WITH s AS (SELECT id, $3::text AS request_id FROM signups
                 WHERE waitlist_id = $1 AND mailbox = canonical_mailbox($2) AND NOT mailbox_shared)
     ${jobInsertSql("signup-status-link", "s", "jsonb_build_object('signupId', s.id, 'requestId', s.request_id)", "'status-link:' || s.request_id")}`,
    [waitlistId, email, randomUUID()],
  );
}
