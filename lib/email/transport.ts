import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Resend } from "resend";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// Outgoing mail. Resend when RESEND_API_KEY is set (RESEND_BASE_URL points the real SDK at a local fake in
// tests); otherwise, or with EMAIL_TRANSPORT=log (which production must ask for explicitly), a transport that
// prints the message and keeps the last ones in
// .data/outbox/ so a developer (or a test) can open the link.

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Default EMAIL_FROM. */
  from?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Resend sends one message per key (for 24 hours) however often it is asked: a retried job cannot mail twice. */
  idempotencyKey?: string;
};

/** Resend refused or failed; `providerCode` is its error name (e.g. invalid_idempotent_request). */
export class EmailSendError extends Error {
  constructor(public readonly providerCode: string) {
    // The provider's error name (e.g. validation_error), never its message: the owner sees this on failed jobs.
    super(`The email provider refused the email (${providerCode}).`);
    this.name = "EmailSendError";
  }
}

const OUTBOX_DIR = path.join(process.cwd(), ".data", "outbox");
const OUTBOX_KEEP = 20;

/** Returns the provider's message id (null from the log transport). */
export async function sendEmail(message: OutgoingEmail): Promise<{ id: string | null }> {
  const e = env();
  const { idempotencyKey, ...email } = message;
  if (e.emailTransport === "resend" && e.RESEND_API_KEY) {
    const resend = new Resend(e.RESEND_API_KEY, e.RESEND_BASE_URL ? { baseUrl: e.RESEND_BASE_URL } : undefined);
    const { data, error } = await resend.emails.send(
      { ...email, from: email.from ?? e.EMAIL_FROM },
      idempotencyKey ? { idempotencyKey } : undefined,
    );
    if (error) {
      // The message says what Resend refused (domain, key); the key itself is never part of it.
      logger.error("resend refused the email", `${error.name}: ${error.message}`);
      throw new EmailSendError(error.name);
    }
    return { id: data?.id ?? null };
  }
  if (e.NODE_ENV === "production") {
    logger.warn("EMAIL_TRANSPORT=log: email is only written to the server log and .data/outbox");
  }
  await devTransport({ ...email, from: email.from ?? e.EMAIL_FROM });
  return { id: null };
}

let counter = 0;

async function devTransport(message: Omit<OutgoingEmail, "idempotencyKey">): Promise<void> {
  logger.info(`email to ${message.to}: "${message.subject}"\n${message.text}`);
  await mkdir(OUTBOX_DIR, { recursive: true });
  counter = (counter + 1) % OUTBOX_KEEP;
  const record = { ...message, at: new Date().toISOString() };
  await writeFile(path.join(OUTBOX_DIR, `${String(counter).padStart(2, "0")}.json`), JSON.stringify(record, null, 2));
  await writeFile(path.join(OUTBOX_DIR, "latest.json"), JSON.stringify(record, null, 2));
}
