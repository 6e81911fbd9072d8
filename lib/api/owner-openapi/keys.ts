import { pathParam, type PathModule } from "@/lib/api/openapi-kit";
import { iso, isoOrNull, okObject, ownerOp, ref, stringOrNull } from "@/lib/api/owner-openapi/operation";
import { teamQuerySchema } from "@/lib/teams/schemas";
import { createKeySchema, KEY_NAME_MAX, MAX_ACTIVE_KEYS } from "@/lib/keys/schemas";

// A team's API keys (docs/api-keys.md): admins and owners, with the dashboard's session (a key gets 403 forbidden).

export const keyPaths: PathModule = {
  tag: { name: "API keys", description: "Create, list and revoke API keys. Session only: an API key cannot manage keys." },
  paths: {
    "/api/keys": {
      get: ownerOp({ operationId: "listApiKeys", summary: "A team's active API keys (never their secrets): `team_id`, else the chosen team.", sessionOnly: true, role: "admin", query: teamQuerySchema, ok: { description: "Newest first.", schema: okObject({ keys: { type: "array", items: ref("ApiKey") } }) } }),
      post: ownerOp({
        operationId: "createApiKey",
        summary: "Create an API key; the answer carries its secret, once.",
        sessionOnly: true,
        write: true,
        body: createKeySchema,
        bodyDescription: `name: 1-${KEY_NAME_MAX} characters; scope: read (GET only) or write (everything).`,
        ok: {
          status: 201,
          description: "Created. Store secret now: only its hash is kept.",
          schema: okObject({ key: ref("ApiKey"), secret: { type: "string", pattern: "^wf_live_[0-9A-Za-z]{32}$" } }),
        },
        errors: { 404: ["No such team among yours.", ["not_found"]], 409: [`The team holds ${MAX_ACTIVE_KEYS} active keys already; revoke one first.`, ["conflict"]] },
      }),
    },
    "/api/keys/{keyId}": {
      delete: ownerOp({
        operationId: "revokeApiKey",
        summary: "Revoke an API key: the next request with it is a 401.",
        sessionOnly: true,
        write: true,
        parameters: [pathParam("keyId", "The key's id (from listApiKeys).")],
        query: teamQuerySchema,
        ok: { description: "Revoked.", schema: okObject({}) },
        errors: { 404: ["No such active key in this team.", ["not_found"]] },
      }),
    },
  },
  schemas: {
    ApiKey: {
      type: "object",
      additionalProperties: false,
      required: ["id", "name", "prefix", "scope", "created_at", "last_used_at", "created_by_email"],
      properties: {
        id: { type: "string" },
        name: { type: "string", minLength: 1, maxLength: KEY_NAME_MAX },
        prefix: { type: "string", pattern: "^wf_live_[0-9A-Za-z]{4}$", description: "The secret's first characters, to tell keys apart." },
        scope: { enum: ["read", "write"] },
        created_at: iso,
        last_used_at: { ...isoOrNull, description: "null: never used (updated at most once a minute)." },
        created_by_email: {
          ...stringOrNull,
          description: "Who created the key (null when unknown). A person's keys are revoked when they leave the team, or their read-write keys when they become a viewer.",
        },
      },
    },
  },
};
