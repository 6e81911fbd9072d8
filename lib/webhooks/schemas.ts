import { z } from "zod";
import { storableText } from "@/lib/storable-text";

// Outgoing webhooks: the event vocabulary and the owner API's request shapes. Client-safe (zod only): the
// dashboard's form uses the same lists and limits.

export const WEBHOOK_EVENTS = [
  "signup.created",
  "signup.confirmed",
  "signup.invited",
  "signup.joined",
  "signup.removed",
  "signup.deleted",
  "referral.credited",
  "waitlist.full",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Sent by "Send test event" to one endpoint, whatever it subscribed to. */
export const TEST_EVENT = "webhook.test";

export const EVENT_LABELS: Record<WebhookEventType, string> = {
  "signup.created": "Someone signed up (waiting, or pending confirmation)",
  "signup.confirmed": "A pending signup confirmed their email",
  "signup.invited": "A signup was let in",
  "signup.joined": "A signup was marked as joined",
  "signup.removed": "A signup was removed",
  "signup.deleted": "A signup was deleted (by you, or their own erasure)",
  "referral.credited": "A signup was credited a referral",
  "waitlist.full": "The waitlist refused a signup because it is full",
};

export const MAX_ENDPOINTS_PER_WAITLIST = 10;
export const URL_MAX = 2048;
export const DESCRIPTION_MAX = 200;
export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const url = storableText()
  .trim()
  .min(1, "Enter the URL that should receive the events.")
  .max(URL_MAX, `At most ${URL_MAX} characters.`);
const description = storableText().trim().max(DESCRIPTION_MAX, `At most ${DESCRIPTION_MAX} characters.`);
const events = z
  .array(z.enum(WEBHOOK_EVENTS, "Unknown event type."))
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENTS.length)
  .transform((list) => [...new Set(list)]);

export const endpointCreateSchema = z
  .object({ url, description: description.default(""), events, enabled: z.boolean().default(true) })
  .strict();
export type EndpointCreate = z.infer<typeof endpointCreateSchema>;

export const endpointPatchSchema = z
  .object({ url: url.optional(), description: description.optional(), events: events.optional(), enabled: z.boolean().optional() })
  .strict();
export type EndpointPatch = z.infer<typeof endpointPatchSchema>;

/** GET …/deliveries: newest first, keyset pages by (created_at, id) in an opaque cursor. */
export const deliveriesQuerySchema = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, "Not a cursor from a previous page.")
      .optional(),
  })
  .strict();

export const resendFailedSchema = z
  .object({ since: z.iso.datetime({ offset: true, message: "An ISO date-time, e.g. 2026-12-01T10:00:00Z." }) })
  .strict();
