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

export type OutgoingEmail = { to: string; subject: string; html: string; text: string };

const OUTBOX_DIR = path.join(process.cwd(), ".data", "outbox");
const OUTBOX_KEEP = 20;

export async function sendEmail(message: OutgoingEmail): Promise<void> {
  const e = env();
  if (e.emailTransport === "resend" && e.RESEND_API_KEY) {
    const resend = new Resend(e.RESEND_API_KEY, e.RESEND_BASE_URL ? { baseUrl: e.RESEND_BASE_URL } : undefined);
    const { error } = await resend.emails.send({ from: e.EMAIL_FROM, ...message });
    if (error) {
      // The message says what Resend refused (domain, key); the key itself is never part of it.
      logger.error("resend refused the email", `${error.name}: ${error.message}`);
      throw new Error("The email could not be sent.");
    }
    return;
  }
  if (e.NODE_ENV === "production") {
    logger.warn("EMAIL_TRANSPORT=log: email is only written to the server log and .data/outbox");
  }
  await devTransport(message);
}

let counter = 0;

async function devTransport(message: OutgoingEmail): Promise<void> {
  logger.info(`email to ${message.to}: "${message.subject}"\n${message.text}`);
  await mkdir(OUTBOX_DIR, { recursive: true });
  counter = (counter + 1) % OUTBOX_KEEP;
  const record = { ...message, at: new Date().toISOString() };
  await writeFile(path.join(OUTBOX_DIR, `${String(counter).padStart(2, "0")}.json`), JSON.stringify(record, null, 2));
  await writeFile(path.join(OUTBOX_DIR, "latest.json"), JSON.stringify(record, null, 2));
}
