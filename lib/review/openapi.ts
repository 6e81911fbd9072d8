import { HOLD_REASONS, MAX_REVIEW_BATCH, TREE_DEPTH, TREE_MAX_NODES } from "@/lib/review/schemas";

// The review queue's part of the owner OpenAPI document (docs/referral-integrity.md): paths and schemas to be
// spread into it. Errors refer to the document's shared #/components/schemas/Error.

const STATUSES = ["pending", "waiting", "invited", "joined", "removed"];
const CREDITS = ["credited", "held", "revoked", "rejected"];
const uuid = { type: "string", format: "uuid" };
const iso = { type: "string", format: "date-time" };

const error = (description: string, codes: string[]) => ({
  description,
  content: {
    "application/json": {
      schema: {
        allOf: [{ $ref: "#/components/schemas/Error" }],
        properties: { error: { properties: { code: { enum: codes } } } },
      },
    },
  },
});

const idParam = { name: "id", in: "path", required: true, description: "The waitlist's id.", schema: uuid };
const ownerErrors = {
  "401": error("No session or API key.", ["unauthorized"]),
  "404": error("Not a waitlist of this owner (never 403).", ["not_found"]),
};
const writeErrors = { "403": error("Foreign Origin, or a read-only API key.", ["forbidden_origin", "forbidden"]) };
const json = (ref: string, description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});

export const reviewPaths = {
  "/api/waitlists/{id}/review": {
    get: {
      operationId: "listHeldCredits",
      summary:
        "Referral credits held for review (velocity rule), oldest first, with each referrer's referral count and " +
        "how many of their referees are held.",
      parameters: [
        idParam,
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        { name: "cursor", in: "query", description: "next_cursor of the previous page.", schema: { type: "string", maxLength: 200 } },
      ],
      responses: {
        "200": json("HeldPage", "A page of held credits and how many are held in all."),
        "400": error("A bad limit or cursor.", ["invalid_input"]),
        ...ownerErrors,
      },
    },
    post: {
      operationId: "decideHeldCredits",
      summary:
        "Approve (the referrer is credited and moves up) or reject (the referee is removed from the list, everyone " +
        "behind moves up) held credits in bulk. Ids that are not held on this list change nothing.",
      parameters: [idParam],
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ReviewDecision" } } } },
      responses: {
        "200": json("ReviewDecided", "The ids that changed."),
        "400": error("Bad JSON or an invalid action or id list.", ["invalid_input", "bad_json", "invalid_content_type", "payload_too_large"]),
        ...writeErrors,
        ...ownerErrors,
      },
    },
  },
  "/api/waitlists/{id}/signups/{signupId}/referrals": {
    get: {
      operationId: "referralTree",
      summary: `A person and the people they brought, ${TREE_DEPTH} levels deep (at most ${TREE_MAX_NODES} people).`,
      parameters: [idParam, { name: "signupId", in: "path", required: true, schema: uuid }],
      responses: {
        "200": json("ReferralTree", "The tree, breadth first; the person asked about is the node at depth 0."),
        "401": ownerErrors["401"],
        "404": error("Not a waitlist of this owner, or not a person on it.", ["not_found"]),
      },
    },
  },
};

export const reviewSchemas = {
  HeldSignup: {
    type: "object",
    additionalProperties: false,
    required: ["id", "email", "status", "joined_at", "reason", "reason_text", "network", "referrer"],
    properties: {
      id: uuid,
      email: { type: "string" },
      status: { enum: STATUSES },
      joined_at: iso,
      reason: { enum: [...HOLD_REASONS, null] },
      reason_text: { type: "string", minLength: 1 },
      network: { type: ["string", "null"], description: "The signup's network, its /24 (IPv6 /48); the address itself is only kept as a keyed hash." },
      referrer: {
        oneOf: [
          { type: "null" },
          {
            type: "object",
            additionalProperties: false,
            required: ["id", "email", "ref_code", "referrals", "held"],
            properties: {
              id: uuid,
              email: { type: "string" },
              ref_code: { type: "string" },
              referrals: { type: "integer", minimum: 0, description: "Credited referrals." },
              held: { type: "integer", minimum: 0, description: "Referees whose credit is held." },
            },
          },
        ],
      },
    },
  },
  HeldPage: {
    type: "object",
    additionalProperties: false,
    required: ["ok", "held", "total", "next_cursor"],
    properties: {
      ok: { const: true },
      held: { type: "array", items: { $ref: "#/components/schemas/HeldSignup" } },
      total: { type: "integer", minimum: 0 },
      next_cursor: { type: ["string", "null"] },
    },
  },
  ReviewDecision: {
    type: "object",
    additionalProperties: false,
    required: ["action", "ids"],
    properties: {
      action: { enum: ["approve", "reject"] },
      ids: { type: "array", items: uuid, minItems: 1, maxItems: MAX_REVIEW_BATCH },
    },
  },
  ReviewDecided: {
    type: "object",
    additionalProperties: false,
    required: ["ok", "changed"],
    properties: { ok: { const: true }, changed: { type: "array", items: uuid } },
  },
  ReferralTree: {
    type: "object",
    additionalProperties: false,
    required: ["ok", "root_id", "nodes", "truncated"],
    properties: {
      ok: { const: true },
      root_id: uuid,
      truncated: { type: "boolean", description: `More than ${TREE_MAX_NODES} people: the rest are left out.` },
      nodes: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["id", "parent_id", "depth", "email", "status", "referrals", "credit", "joined_at"],
          properties: {
            id: uuid,
            parent_id: { oneOf: [uuid, { type: "null" }] },
            depth: { type: "integer", minimum: 0, maximum: TREE_DEPTH },
            email: { type: "string" },
            status: { enum: STATUSES },
            referrals: { type: "integer", minimum: 0 },
            credit: { enum: [...CREDITS, null], description: "The credit this person gave their referrer." },
            joined_at: iso,
          },
        },
      },
    },
  },
};
