import { pathParam, type PathModule } from "@/lib/api/openapi-kit";
import { okObject, ownerOp, ref } from "@/lib/api/owner-openapi/operation";
import {
  DELIVERY_STATUSES,
  MAX_ENDPOINTS_PER_WAITLIST,
  WEBHOOK_EVENTS,
  deliveriesQuerySchema,
  endpointCreateSchema,
  endpointPatchSchema,
  resendFailedSchema,
} from "@/lib/webhooks/schemas";

// OpenAPI 3.1 of the owner API's webhook routes: `webhookPaths` and `webhookSchemas`, merged into the owner
// document (lib/api/owner-openapi/document.ts) as `webhookPathModule`. Built with ownerOp, so the shared answers
// (401, 403, 429, 400 for bodies and queries) are the same as every other owner route's.

const waitlistParam = pathParam("id", "The waitlist's id.");
const endpointParam = pathParam("endpointId", "The endpoint's id.");
const deliveryPage = okObject({ deliveries: { type: "array", items: ref("WebhookDelivery") }, next_cursor: { type: ["string", "null"] } });
const withSecret = okObject({ endpoint: ref("WebhookEndpoint"), secret: { type: "string", pattern: "^whsec_", description: "Shown in this answer only." } });
const urlRefused: Record<number, [string, string[]]> = { 400: ["The URL is not https (in production), or its host is or resolves to an internal address.", ["invalid_webhook_url"]] };
const notFound = (what: string): Record<number, [string, string[]]> => ({ 404: [`No such ${what} in your account.`, ["not_found"]] });

export const webhookPaths: PathModule["paths"] = {
  "/api/waitlists/{id}/webhooks": {
    get: ownerOp({
      operationId: "listWebhookEndpoints",
      summary: "The waitlist's webhook endpoints (never their secrets).",
      parameters: [waitlistParam],
      ok: { description: "Oldest first.", schema: okObject({ endpoints: { type: "array", items: ref("WebhookEndpoint") } }) },
      errors: notFound("waitlist"),
    }),
    post: ownerOp({
      operationId: "createWebhookEndpoint",
      summary: "Add a webhook endpoint; the answer carries its signing secret, once.",
      description: `At most ${MAX_ENDPOINTS_PER_WAITLIST} per waitlist. The URL must be https and resolve to public addresses only.`,
      write: true,
      parameters: [waitlistParam],
      body: endpointCreateSchema,
      ok: { status: 201, description: "Created. Store the secret now: it is not shown again.", schema: withSecret },
      errors: { ...urlRefused, ...notFound("waitlist"), 409: [`The waitlist has ${MAX_ENDPOINTS_PER_WAITLIST} endpoints already.`, ["conflict"]] },
    }),
  },
  "/api/waitlists/{id}/webhooks/{endpointId}": {
    get: ownerOp({
      operationId: "getWebhookEndpoint",
      summary: "One webhook endpoint.",
      parameters: [waitlistParam, endpointParam],
      ok: { description: "The endpoint.", schema: okObject({ endpoint: ref("WebhookEndpoint") }) },
      errors: notFound("waitlist or endpoint"),
    }),
    patch: ownerOp({
      operationId: "updateWebhookEndpoint",
      summary: "Change an endpoint's URL, description, events or enabled flag.",
      description: "Enabling an endpoint that was disabled clears its disabled reason.",
      write: true,
      parameters: [waitlistParam, endpointParam],
      body: endpointPatchSchema,
      ok: { description: "The endpoint.", schema: okObject({ endpoint: ref("WebhookEndpoint") }) },
      errors: { ...urlRefused, ...notFound("waitlist or endpoint") },
    }),
    delete: ownerOp({
      operationId: "deleteWebhookEndpoint",
      summary: "Delete an endpoint and its delivery log.",
      write: true,
      parameters: [waitlistParam, endpointParam],
      ok: { description: "Deleted.", schema: okObject({}) },
      errors: notFound("waitlist or endpoint"),
    }),
  },
  "/api/waitlists/{id}/webhooks/{endpointId}/rotate-secret": {
    post: ownerOp({
      operationId: "rotateWebhookSecret",
      summary: "A new signing secret, once; the previous one keeps signing (a second signature) for 24 hours.",
      write: true,
      parameters: [waitlistParam, endpointParam],
      ok: { description: "The new secret.", schema: withSecret },
      errors: notFound("waitlist or endpoint"),
    }),
  },
  "/api/waitlists/{id}/webhooks/{endpointId}/test": {
    post: ownerOp({
      operationId: "sendWebhookTest",
      summary: "Queue a webhook.test event to this endpoint.",
      write: true,
      parameters: [waitlistParam, endpointParam],
      ok: { status: 202, description: "Queued; it shows in the delivery log.", schema: okObject({ delivery_id: { type: "string", format: "uuid" } }) },
      errors: notFound("waitlist or endpoint"),
    }),
  },
  "/api/waitlists/{id}/webhooks/{endpointId}/deliveries": {
    get: ownerOp({
      operationId: "listWebhookEndpointDeliveries",
      summary: "This endpoint's deliveries, newest first, with their attempts.",
      parameters: [waitlistParam, endpointParam],
      query: deliveriesQuerySchema,
      ok: { description: "A page; pass next_cursor as cursor for the next.", schema: deliveryPage },
      errors: notFound("waitlist or endpoint"),
    }),
  },
  "/api/waitlists/{id}/webhooks/deliveries": {
    get: ownerOp({
      operationId: "listWebhookDeliveries",
      summary: "Every endpoint's deliveries, newest first, with their attempts.",
      parameters: [waitlistParam],
      query: deliveriesQuerySchema,
      ok: { description: "A page; pass next_cursor as cursor for the next.", schema: deliveryPage },
      errors: notFound("waitlist"),
    }),
  },
  "/api/waitlists/{id}/webhooks/deliveries/{deliveryId}/resend": {
    post: ownerOp({
      operationId: "resendWebhookDelivery",
      summary: "Send one delivery again (same webhook-id, a fresh retry window).",
      write: true,
      parameters: [waitlistParam, pathParam("deliveryId", "The delivery's id.")],
      ok: { status: 202, description: "Queued again.", schema: okObject({}) },
      errors: { ...notFound("waitlist or delivery"), 409: ["The delivery's endpoint is disabled: enable it first.", ["conflict"]] },
    }),
  },
  "/api/waitlists/{id}/webhooks/resend-failed": {
    post: ownerOp({
      operationId: "resendFailedWebhookDeliveries",
      summary: "Send again every failed delivery (of enabled endpoints) queued at or after `since`.",
      write: true,
      parameters: [waitlistParam],
      body: resendFailedSchema,
      ok: { status: 202, description: "How many were queued again.", schema: okObject({ resent: { type: "integer", minimum: 0 } }) },
      errors: notFound("waitlist"),
    }),
  },
};

const nullableTime = { type: ["string", "null"], format: "date-time" };

export const webhookSchemas: NonNullable<PathModule["schemas"]> = {
  WebhookEndpoint: {
    type: "object",
    required: ["id", "url", "description", "events", "enabled", "disabled_reason", "disabled_at", "previous_secret_expires_at", "created_at"],
    additionalProperties: false,
    properties: {
      id: { type: "string" },
      url: { type: "string", format: "uri", description: "The whole URL for team admins, owners and write keys; scheme and the last two labels of the host followed by /*** for viewers and read-only keys (catch URLs are secrets)." },
      description: { type: "string" },
      events: { type: "array", items: { enum: [...WEBHOOK_EVENTS] } },
      enabled: { type: "boolean" },
      disabled_reason: { type: ["string", "null"], description: "Set when WaitForge disabled it after 3 days of failures" },
      disabled_at: nullableTime,
      previous_secret_expires_at: { ...nullableTime, description: "Until then the secret before the last rotation signs too" },
      created_at: { type: "string", format: "date-time" },
    },
  },
  WebhookAttempt: {
    type: "object",
    required: ["attempted_at", "status_code", "latency_ms", "response_excerpt", "error"],
    properties: {
      attempted_at: { type: "string", format: "date-time" },
      status_code: { type: ["integer", "null"] },
      latency_ms: { type: "integer" },
      response_excerpt: { type: ["string", "null"], description: "At most 1 KB of the receiver's answer" },
      error: { type: ["string", "null"] },
    },
  },
  WebhookDelivery: {
    type: "object",
    required: ["id", "endpoint_id", "endpoint_url", "event_type", "status", "attempts", "next_attempt_at", "last_status_code", "last_error", "created_at", "attempt_log"],
    additionalProperties: false,
    properties: {
      id: { type: "string", format: "uuid", description: "The webhook-id header is `msg_` + this id" },
      endpoint_id: { type: "string" },
      endpoint_url: { type: "string" },
      event_type: { type: "string" },
      status: { enum: [...DELIVERY_STATUSES] },
      attempts: { type: "integer" },
      next_attempt_at: nullableTime,
      last_status_code: { type: ["integer", "null"] },
      last_error: { type: ["string", "null"] },
      created_at: { type: "string", format: "date-time" },
      attempt_log: { type: "array", items: ref("WebhookAttempt"), description: "The newest 10 attempts, newest first" },
    },
  },
};

export const webhookPathModule: PathModule = {
  tag: { name: "Webhooks", description: "Outgoing webhook endpoints of a waitlist, their delivery log and replay (docs/webhooks.md)." },
  paths: webhookPaths,
  schemas: webhookSchemas,
};
