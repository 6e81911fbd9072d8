import { ERROR_STATUS } from "@/lib/api/errors";
import { EXTERNAL_ID_MAX_LENGTH, FEATURE_KEY_MAX_LENGTH, FEATURE_KEY_PATTERN } from "@/lib/features/schemas";
import { EMAIL_MAX_LENGTH, REF_CODE_ALPHABET, REF_CODE_LENGTH, TEXT_MAX_LENGTH } from "@/lib/signups/schemas";

// OpenAPI 3.1 paths and schemas of the product API for feature waitlists (docs/feature-waitlists.md), to be
// merged into the owner API document (its `paths` and `components.schemas`). The schemas are referenced as
// #/components/schemas/<name>; the security scheme is expected under the name `apiKey` (HTTP bearer), and
// `featureTags` belongs in the document's top-level `tags`.
// lib/features/members.test.ts validates real answers against these schemas.

const featureKeyParam = {
  name: "featureKey",
  in: "path",
  required: true,
  description: "A feature key the owner set on one of their waitlists (Dashboard → Feature keys).",
  schema: { type: "string", maxLength: FEATURE_KEY_MAX_LENGTH, pattern: FEATURE_KEY_PATTERN.source },
};

const externalIdParam = {
  name: "externalUserId",
  in: "path",
  required: true,
  description: "Your product's own id of the signed-in user (percent-encoded in the path).",
  schema: { type: "string", minLength: 1, maxLength: EXTERNAL_ID_MAX_LENGTH, pattern: "^[\\x21-\\x7e]+$" },
};

const problem = (description: string, codes: string[], schema = "ProblemDetails") => ({
  description,
  content: {
    "application/problem+json": {
      schema: { allOf: [{ $ref: `#/components/schemas/${schema}` }], properties: { code: { enum: codes } } },
    },
  },
});

const memberAnswer = (description: string) => ({
  description,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["data"],
        additionalProperties: false,
        properties: { data: { $ref: "#/components/schemas/FeatureMember" } },
      },
    },
  },
});

const common = {
  "401": problem("No API key, or an unknown, malformed or revoked one (WWW-Authenticate: Bearer).", ["unauthorized"]),
  "404": problem("No feature with this key among the key owner's waitlists.", ["not_found"]),
  "429": problem(
    "Over the key's requests a minute (OWNER_KEY_RATE_LIMIT; Retry-After), or, on a PUT that makes a member, this " +
      "address already got 3 waitlist emails today (too_many_emails).",
    ["rate_limited", "too_many_emails"],
  ),
  "500": problem("Transient; safe to retry (every operation is idempotent).", ["internal_error"]),
};
const badId = problem("external_user_id is not 1-128 printable ASCII characters.", ["invalid_input"], "ValidationProblemDetails");
const readOnly = problem("The API key is read-only.", ["forbidden"]);

export const featureTags = [
  {
    name: "Feature waitlists",
    description: "Your product's signed-in users on per-feature waitlists, by your own user id (docs/feature-waitlists.md).",
  },
];

export const featurePaths = {
  "/api/v1/features/{featureKey}/members/{externalUserId}": {
    parameters: [featureKeyParam, externalIdParam],
    get: {
      operationId: "getFeatureMember",
      summary: "Check whether a user of your product is signed up for a feature waitlist.",
      description: "Read-only keys may call it. `status`, `position` and `ref_code` come only with `signed_up: true`.",
      tags: ["Feature waitlists"],
      security: [{ apiKey: [] }],
      responses: { "200": memberAnswer("The user's membership (signed_up false when they are not a member)."), "400": badId, ...common },
    },
    put: {
      operationId: "putFeatureMember",
      summary: "Idempotently sign a user of your product up for a feature waitlist.",
      description:
        "The first call needs `email` (the member gets the waitlist's emails). A person already on the list with " +
        "that email gets the user id attached. Calling again answers the member unchanged (200).",
      tags: ["Feature waitlists"],
      security: [{ apiKey: [] }],
      requestBody: {
        required: false,
        content: { "application/json": { schema: { $ref: "#/components/schemas/FeatureMemberInput" } } },
      },
      responses: {
        "200": memberAnswer("Already a member: unchanged."),
        "201": memberAnswer("Signed up by this call (a new signup, or an existing signup's email linked to this user)."),
        "400": problem(
          "Missing or invalid email, invalid name or user id, or a body that is not a JSON object.",
          ["invalid_input", "invalid_email", "bad_json", "invalid_content_type", "payload_too_large"],
          "ValidationProblemDetails",
        ),
        "403": problem("Read-only key, or the waitlist is full or closed.", ["forbidden", "waitlist_full", "waitlist_closed"]),
        "409": problem("The owner removed this user, or the email belongs to another user id.", ["conflict"]),
        ...common,
      },
    },
    delete: {
      operationId: "deleteFeatureMember",
      summary: "Idempotently take a user off a feature waitlist (their signup is erased; others move up).",
      description: "Answers `signed_up: false` whether or not the user was a member. Joining again later starts at the back.",
      tags: ["Feature waitlists"],
      security: [{ apiKey: [] }],
      responses: { "200": memberAnswer("Not a member (any more)."), "400": badId, "403": readOnly, ...common },
    },
  },
  "/api/v1/members/{externalUserId}/features": {
    get: {
      operationId: "listMemberFeatures",
      summary: "Every feature waitlist of yours a user of your product is signed up for.",
      description: "One entry per feature key (keys on one list are aliases and share its members), sorted by key; not paged.",
      tags: ["Feature waitlists"],
      security: [{ apiKey: [] }],
      parameters: [externalIdParam],
      responses: {
        "200": {
          description: "The user's memberships, by feature key.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["data", "links"],
                additionalProperties: false,
                properties: {
                  data: { type: "array", items: { $ref: "#/components/schemas/FeatureMembership" } },
                  links: { type: "object", required: ["self"], properties: { self: { type: "string", format: "uri" } } },
                },
              },
            },
          },
        },
        "400": badId,
        "401": common["401"],
        "500": common["500"],
      },
    },
  },
};

const memberProperties = {
  feature_key: { type: "string", description: "The feature key of the request." },
  signed_up: { type: "boolean" },
  waitlist_id: { type: "string", description: "The WaitForge waitlist the feature key names." },
  status: { enum: ["pending", "waiting", "invited", "joined"], description: "Present when signed_up." },
  position: { type: ["integer", "null"], minimum: 1, description: "Place in line while waiting, else null." },
  ref_code: { type: "string", pattern: `^[${REF_CODE_ALPHABET}]{${REF_CODE_LENGTH}}$`, description: "Their referral code." },
  links: {
    type: "object",
    required: ["self"],
    additionalProperties: false,
    properties: { self: { type: "string", format: "uri", description: "URL of this membership." } },
  },
};

const problemProperties = {
  type: { type: "string", format: "uri", description: "Always about:blank: `status` and `code` say what happened." },
  title: { type: "string", description: "The HTTP status phrase." },
  status: { type: "integer" },
  detail: { type: "string", description: "What went wrong and what to do, for people." },
  instance: { type: "string", format: "uri" },
  code: { enum: Object.keys(ERROR_STATUS), description: "WaitForge's error code (the same vocabulary as the other APIs)." },
};

export const featureSchemas = {
  FeatureMember: {
    type: "object",
    required: ["feature_key", "signed_up", "waitlist_id", "links"],
    additionalProperties: false,
    properties: memberProperties,
    if: { properties: { signed_up: { const: true } } },
    then: { required: ["status", "position", "ref_code"] },
    else: { not: { anyOf: [{ required: ["status"] }, { required: ["position"] }, { required: ["ref_code"] }] } },
  },
  FeatureMembership: {
    type: "object",
    required: ["feature_key", "signed_up", "waitlist_id", "status", "position", "ref_code", "created_at", "links"],
    additionalProperties: false,
    properties: { ...memberProperties, signed_up: { const: true }, created_at: { type: "string", format: "date-time" } },
  },
  FeatureMemberInput: {
    type: "object",
    additionalProperties: false,
    properties: {
      email: { type: "string", format: "email", maxLength: EMAIL_MAX_LENGTH, description: "Required the first time." },
      name: { type: ["string", "null"], maxLength: TEXT_MAX_LENGTH },
    },
  },
  ProblemDetails: {
    type: "object",
    required: ["type", "title", "status", "code"],
    properties: problemProperties,
  },
  ValidationProblemDetails: {
    type: "object",
    required: ["type", "title", "status", "code"],
    properties: {
      ...problemProperties,
      invalid_params: {
        type: "array",
        items: {
          type: "object",
          required: ["in", "path", "type"],
          properties: { in: { enum: ["path", "body"] }, path: { type: "string" }, type: { type: "string" } },
        },
      },
    },
  },
};
