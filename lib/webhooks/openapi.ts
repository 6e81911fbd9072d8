import { DELIVERY_STATUSES, DESCRIPTION_MAX, MAX_ENDPOINTS_PER_WAITLIST, URL_MAX, WEBHOOK_EVENTS } from "@/lib/webhooks/schemas";

// OpenAPI 3.1 fragment of the owner API's webhook routes, for the owner document to merge: `webhookPaths` under
// `paths`, `webhookSchemas` under `components.schemas`. Errors refer to `#/components/schemas/Error` (the one
// error shape). Security is the owner document's (session cookie or `Authorization: Bearer wf_live_…`).

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const ok = (description: string, properties: Record<string, unknown>, status = "200") => ({
  [status]: { description, content: json({ type: "object", required: ["ok", ...Object.keys(properties)], properties: { ok: { const: true }, ...properties } }) },
});
const err = (description: string, codes: string[]) => ({
  description,
  content: json({ allOf: [ref("Error")], properties: { error: { properties: { code: { enum: codes } } } } }),
});
const common = {
  "401": err("No session or API key", ["unauthorized"]),
  "403": err("A foreign Origin, or a read-only key on a write", ["forbidden_origin", "forbidden"]),
  "404": err("No such waitlist, endpoint or delivery in your account", ["not_found"]),
};
const bodyErrors = { "400": err("Invalid body or query", ["invalid_input", "bad_json", "invalid_content_type", "payload_too_large", "invalid_webhook_url"]) };
const id = (name: string, description: string) => ({ name, in: "path", required: true, schema: { type: "string" }, description });
const waitlistId = id("id", "The waitlist's id");
const endpointId = id("endpointId", "The endpoint's id");
const listQuery = [
  { name: "status", in: "query", schema: { enum: [...DELIVERY_STATUSES] } },
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
  { name: "cursor", in: "query", schema: { type: "string" }, description: "`next_cursor` of the previous page" },
];
const deliveryPage = ok("A page of deliveries, newest first", { deliveries: { type: "array", items: ref("WebhookDelivery") }, next_cursor: { type: ["string", "null"] } });
const withSecret = (description: string, status?: string) =>
  ok(description, { endpoint: ref("WebhookEndpoint"), secret: { type: "string", pattern: "^whsec_", description: "Shown in this answer only" } }, status);

export const webhookPaths = {
  "/api/waitlists/{id}/webhooks": {
    parameters: [waitlistId],
    get: { summary: "List webhook endpoints", operationId: "listWebhookEndpoints", responses: { ...ok("Endpoints", { endpoints: { type: "array", items: ref("WebhookEndpoint") } }), ...common } },
    post: {
      summary: "Add a webhook endpoint",
      description: `At most ${MAX_ENDPOINTS_PER_WAITLIST} per waitlist (409 conflict beyond). The URL must be https and resolve to public addresses only.`,
      operationId: "createWebhookEndpoint",
      requestBody: { required: true, content: json(ref("WebhookEndpointCreate")) },
      responses: { ...withSecret("Created; the signing secret is shown once", "201"), ...bodyErrors, ...common, "409": err("Too many endpoints", ["conflict"]) },
    },
  },
  "/api/waitlists/{id}/webhooks/{endpointId}": {
    parameters: [waitlistId, endpointId],
    get: { summary: "Read a webhook endpoint", operationId: "getWebhookEndpoint", responses: { ...ok("The endpoint", { endpoint: ref("WebhookEndpoint") }), ...common } },
    patch: {
      summary: "Update a webhook endpoint",
      description: "Enabling an endpoint that was disabled clears its disabled reason.",
      operationId: "updateWebhookEndpoint",
      requestBody: { required: true, content: json(ref("WebhookEndpointPatch")) },
      responses: { ...ok("The endpoint", { endpoint: ref("WebhookEndpoint") }), ...bodyErrors, ...common },
    },
    delete: { summary: "Delete a webhook endpoint and its deliveries", operationId: "deleteWebhookEndpoint", responses: { ...ok("Deleted", {}), ...common } },
  },
  "/api/waitlists/{id}/webhooks/{endpointId}/rotate-secret": {
    parameters: [waitlistId, endpointId],
    post: {
      summary: "Rotate the signing secret",
      description: "The previous secret keeps signing (a second signature) for 24 hours.",
      operationId: "rotateWebhookSecret",
      responses: { ...withSecret("The new secret, shown once"), ...common },
    },
  },
  "/api/waitlists/{id}/webhooks/{endpointId}/test": {
    parameters: [waitlistId, endpointId],
    post: { summary: "Send a webhook.test event", operationId: "sendWebhookTest", responses: { ...ok("Queued", { delivery_id: { type: "string", format: "uuid" } }, "202"), ...common } },
  },
  "/api/waitlists/{id}/webhooks/{endpointId}/deliveries": {
    parameters: [waitlistId, endpointId],
    get: { summary: "An endpoint's deliveries", operationId: "listWebhookEndpointDeliveries", parameters: listQuery, responses: { ...deliveryPage, ...bodyErrors, ...common } },
  },
  "/api/waitlists/{id}/webhooks/deliveries": {
    parameters: [waitlistId],
    get: { summary: "Every endpoint's deliveries", operationId: "listWebhookDeliveries", parameters: listQuery, responses: { ...deliveryPage, ...bodyErrors, ...common } },
  },
  "/api/waitlists/{id}/webhooks/deliveries/{deliveryId}/resend": {
    parameters: [waitlistId, id("deliveryId", "The delivery's id")],
    post: {
      summary: "Resend one delivery",
      description: "Same webhook-id, fresh retry window.",
      operationId: "resendWebhookDelivery",
      responses: { ...ok("Queued again", {}, "202"), ...common, "409": err("The endpoint is disabled", ["conflict"]) },
    },
  },
  "/api/waitlists/{id}/webhooks/resend-failed": {
    parameters: [waitlistId],
    post: {
      summary: "Resend every failed delivery since a time",
      operationId: "resendFailedWebhookDeliveries",
      requestBody: { required: true, content: json({ type: "object", required: ["since"], additionalProperties: false, properties: { since: { type: "string", format: "date-time" } } }) },
      responses: { ...ok("How many were queued again", { resent: { type: "integer", minimum: 0 } }, "202"), ...bodyErrors, ...common },
    },
  },
} as const;

const eventList = { type: "array", minItems: 1, uniqueItems: true, items: { enum: [...WEBHOOK_EVENTS] } };
const nullableTime = { type: ["string", "null"], format: "date-time" };

export const webhookSchemas = {
  WebhookEndpoint: {
    type: "object",
    required: ["id", "url", "description", "events", "enabled", "disabled_reason", "disabled_at", "previous_secret_expires_at", "created_at"],
    additionalProperties: false,
    properties: {
      id: { type: "string" },
      url: { type: "string", format: "uri" },
      description: { type: "string" },
      events: { type: "array", items: { enum: [...WEBHOOK_EVENTS] } },
      enabled: { type: "boolean" },
      disabled_reason: { type: ["string", "null"], description: "Set when WaitForge disabled it after 3 days of failures" },
      disabled_at: nullableTime,
      previous_secret_expires_at: { ...nullableTime, description: "Until then the secret before the last rotation signs too" },
      created_at: { type: "string", format: "date-time" },
    },
  },
  WebhookEndpointCreate: {
    type: "object",
    required: ["url", "events"],
    additionalProperties: false,
    properties: {
      url: { type: "string", maxLength: URL_MAX },
      description: { type: "string", maxLength: DESCRIPTION_MAX },
      events: eventList,
      enabled: { type: "boolean", default: true },
    },
  },
  WebhookEndpointPatch: {
    type: "object",
    additionalProperties: false,
    properties: {
      url: { type: "string", maxLength: URL_MAX },
      description: { type: "string", maxLength: DESCRIPTION_MAX },
      events: eventList,
      enabled: { type: "boolean" },
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
} as const;
