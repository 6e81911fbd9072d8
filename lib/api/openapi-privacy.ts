import { LEAVE_FIELD, LEAVE_VALUE } from "@/lib/signups/leave-form";
import { STATUS_LINK_ANSWER, STATUS_LINK_MAX_BYTES } from "@/lib/signup-email/status-link-schema";

// The self-service endpoints of the OpenAPI document (lib/api/openapi.ts spreads these in): "email me my
// link", "download my data" and "leave this waitlist". Kept apart so the document stays readable.

type ErrorResponse = (description: string, codes: string[]) => object;

const tokenParam = {
  name: "token",
  in: "path",
  required: true,
  description: "A secret from the person's status page or one of their emails (32 characters).",
  schema: { type: "string" },
};

const iso = { type: "string", format: "date-time" };

export function privacyPaths(error: ErrorResponse, slugParam: object, rateLimitHeaders: object) {
  return {
    "/api/public/{slug}/status-link": {
      post: {
        operationId: "requestStatusLink",
        summary:
          "Email a person their private status link. The same answer whether or not the address is on the list; " +
          "at most 3 such emails a day per address and a few an hour per IP.",
        parameters: [slugParam],
        requestBody: {
          required: true,
          description: `JSON, at most ${STATUS_LINK_MAX_BYTES} bytes.`,
          content: { "application/json": { schema: { $ref: "#/components/schemas/StatusLinkRequest" } } },
        },
        responses: {
          "200": {
            description: "Accepted: if the address is on the list, its link is on the way.",
            headers: rateLimitHeaders,
            content: { "application/json": { schema: { $ref: "#/components/schemas/StatusLinkAnswer" } } },
          },
          "400": error("Invalid email, bad JSON, wrong content type or payload too large.", [
            "invalid_email",
            "invalid_input",
            "bad_json",
            "invalid_content_type",
            "payload_too_large",
          ]),
          "403": error("Turnstile failed.", ["turnstile_failed"]),
          "404": error("Slug doesn't exist.", ["not_found"]),
          "429": error("Rate limited, or the email caps for this address or IP are used up (Retry-After).", ["rate_limited"]),
        },
      },
    },
    "/api/public/data/{token}": {
      get: {
        operationId: "downloadMyData",
        summary: "Everything held about one person, as a JSON attachment (the status token opens it).",
        parameters: [tokenParam],
        responses: {
          "200": {
            description: "The person's data (Content-Disposition: attachment; Cache-Control: no-store).",
            content: { "application/json": { schema: { $ref: "#/components/schemas/MyData" } } },
          },
          "404": error("The token opens nothing (unknown, another kind of token, or the person left).", ["not_found"]),
          "429": error("Rate limited.", ["rate_limited"]),
        },
      },
    },
    "/api/public/leave/{token}": {
      post: {
        operationId: "leaveWaitlist",
        summary:
          "Erase the person (a leave or status token): their row, tokens and email records. Referral credit " +
          "they gave stays with their referrer; everyone behind moves up.",
        parameters: [tokenParam],
        requestBody: {
          required: true,
          content: {
            "application/x-www-form-urlencoded": {
              schema: { type: "object", required: [LEAVE_FIELD], properties: { [LEAVE_FIELD]: { const: LEAVE_VALUE } } },
            },
          },
        },
        responses: {
          "200": {
            description: "Erased. (A browser navigation gets 303 to the confirmation page instead.)",
            content: { "application/json": { schema: { $ref: "#/components/schemas/LeaveAnswer" } } },
          },
          "303": { description: "Erased; the browser is sent to the page that says so." },
          "400": error("Missing confirmation field, wrong content type or payload too large.", [
            "invalid_input",
            "invalid_content_type",
            "payload_too_large",
          ]),
          "404": error("The token opens nothing (unknown, or the person already left).", ["not_found"]),
          "429": error("Rate limited.", ["rate_limited"]),
        },
      },
    },
  };
}

export const privacySchemas = {
  StatusLinkRequest: {
    type: "object",
    required: ["email", "turnstile"],
    properties: {
      email: { type: "string", format: "email", maxLength: 254 },
      turnstile: { type: "string", description: "Cloudflare Turnstile token for the waitlist's site key." },
    },
  },
  StatusLinkAnswer: {
    type: "object",
    additionalProperties: false,
    required: ["ok", "message"],
    properties: { ok: { const: true }, message: { const: STATUS_LINK_ANSWER } },
  },
  LeaveAnswer: {
    type: "object",
    additionalProperties: false,
    required: ["ok", "left"],
    properties: { ok: { const: true }, left: { const: true } },
  },
  MyData: {
    type: "object",
    additionalProperties: false,
    required: ["waitlist", "exported_at", "signup", "emails"],
    properties: {
      waitlist: {
        type: "object",
        additionalProperties: false,
        required: ["title", "url"],
        properties: { title: { type: "string" }, url: { type: "string", format: "uri" } },
      },
      exported_at: iso,
      signup: {
        type: "object",
        additionalProperties: false,
        required: [
          "email", "name", "company", "twitter", "status", "position", "ref_code", "share_url", "referral_count",
          "referred", "unsubscribed", "created_at", "unsubscribed_at",
        ],
        properties: {
          email: { type: "string", format: "email" },
          name: { type: ["string", "null"] },
          company: { type: ["string", "null"] },
          twitter: { type: ["string", "null"] },
          status: { enum: ["pending", "waiting", "invited", "joined", "removed"] },
          position: { type: ["integer", "null"], minimum: 1, description: "Place in line while waiting." },
          ref_code: { type: "string" },
          share_url: { type: "string", format: "uri" },
          referral_count: { type: "integer", minimum: 0 },
          referred: { type: "boolean", description: "Whether someone referred them (never who)." },
          unsubscribed: { type: "boolean" },
          created_at: iso,
          unsubscribed_at: { anyOf: [iso, { type: "null" }] },
          confirmed_at: iso,
          invited_at: iso,
          joined_at: iso,
          removed_at: iso,
          invite_code: { type: "string" },
        },
      },
      emails: {
        type: "array",
        description: "Every email sent to them: its kind and when.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["kind", "sent_at"],
          properties: { kind: { type: "string" }, sent_at: iso },
        },
      },
      answers: {
        type: "array",
        description: "Their answers to the waitlist's own questions, each with the question; absent when none.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["question", "answer"],
          properties: { question: { type: "string" }, answer: {} },
        },
      },
    },
  },
};
