import { pathParam, type PathModule } from "@/lib/api/openapi-kit";
import { okObject, ownerOp, ref } from "@/lib/api/owner-openapi/operation";
import { waitlistId } from "@/lib/api/owner-openapi/waitlists";
import { HOLD_REASONS, reviewDecisionSchema, reviewListQuerySchema, TREE_DEPTH, TREE_MAX_NODES } from "@/lib/review/schemas";

// The review queue's part of the owner OpenAPI document (docs/referral-integrity.md), one PathModule in
// OWNER_PATH_MODULES (lib/api/owner-openapi/document.ts). ownerOp adds the shared 400/401/403/429 answers.

const STATUSES = ["pending", "waiting", "invited", "joined", "removed"];
const CREDITS = ["credited", "held", "revoked", "rejected"];
const uuid = { type: "string", format: "uuid" };
const iso = { type: "string", format: "date-time" };
const notFound = (what: string): Record<number, [string, string[]]> => ({ 404: [what, ["not_found"]] });

export const reviewPaths: PathModule["paths"] = {
  "/api/waitlists/{id}/review": {
    get: ownerOp({
      operationId: "listHeldCredits",
      summary: "Referral credits held for review (velocity rule), oldest first, in keyset pages.",
      description: "Each with why it is held, the signup's network, and the referrer's credited referrals and held referees.",
      parameters: [waitlistId],
      query: reviewListQuerySchema,
      ok: { description: "A page of held credits and how many are held in all.", schema: ref("HeldPage") },
      errors: notFound("No such waitlist in your account."),
    }),
    post: ownerOp({
      operationId: "decideHeldCredits",
      summary: "Approve (the referrer is credited) or reject (the referee is removed) held credits in bulk.",
      description: "Ids that are not held on this waitlist (another list's, already decided) change nothing and are not in `changed`.",
      write: true,
      parameters: [waitlistId],
      body: reviewDecisionSchema,
      ok: { description: "The ids that changed.", schema: okObject({ changed: { type: "array", items: uuid } }) },
      errors: notFound("No such waitlist in your account."),
    }),
  },
  "/api/waitlists/{id}/signups/{signupId}/referrals": {
    get: ownerOp({
      operationId: "referralTree",
      summary: `A person and the people they brought, ${TREE_DEPTH} levels deep (at most ${TREE_MAX_NODES} people).`,
      parameters: [waitlistId, pathParam("signupId", "The person's id (a uuid).")],
      ok: { description: "The tree, breadth first; the person asked about is the node at depth 0.", schema: ref("ReferralTree") },
      errors: notFound("No such waitlist in your account, or no such person on it."),
    }),
  },
};

export const reviewSchemas: NonNullable<PathModule["schemas"]> = {
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

export const reviewPathModule: PathModule = {
  tag: { name: "Referral review", description: "Referral credits held by the velocity rule: list, approve or reject them, and see a person's referral tree." },
  paths: reviewPaths,
  schemas: reviewSchemas,
};
