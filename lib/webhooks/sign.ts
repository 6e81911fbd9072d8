import "server-only";
import { Webhook } from "standardwebhooks";

// Standard Webhooks signing (https://www.standardwebhooks.com): webhook-id stays the same for every attempt
// and resend of a delivery (receivers dedupe on it), webhook-timestamp is the attempt's time, and
// webhook-signature holds one `v1,<base64>` per secret, space-separated: during a rotation's overlap both the
// new and the previous secret sign, so a receiver still holding either verifies.

export type WebhookMessage = { type: string; timestamp: string; data: unknown };

export function messageBody(message: WebhookMessage): string {
  return JSON.stringify(message);
}

export function signedHeaders(msgId: string, at: Date, body: string, secrets: readonly string[]): Record<string, string> {
  const signature = secrets.map((secret) => new Webhook(secret).sign(msgId, at, body)).join(" ");
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
