import { pathParam, type Json, type PathModule } from "@/lib/api/openapi-kit";
import { iso, okObject, ownerOp, ref, stringOrNull } from "@/lib/api/owner-openapi/operation";
import { AUDIT_CATEGORIES } from "@/lib/audit/actions";
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from "@/lib/audit/schemas";

// The audit log's part of the owner OpenAPI document (docs/audit-log.md), one PathModule in OWNER_PATH_MODULES
// (lib/api/owner-openapi/document.ts). The query parameters are written out here: the zod schema preprocesses
// empty values (the dashboard's form), which JSON Schema cannot say.

const query = (name: string, description: string, schema: Json): Json => ({ name, in: "query", required: false, description, schema });
const day = "A UTC day (2026-12-03) or an ISO 8601 time with its offset.";

export const auditPathModule: PathModule = {
  tag: { name: "Audit log", description: "Who changed what in a team, when and from where. Admins and owners; append-only." },
  paths: {
    "/api/teams/{teamId}/audit": {
      get: ownerOp({
        operationId: "listAuditEntries",
        summary: "The team's audit log, newest first, in keyset pages (pass next_cursor back as cursor).",
        description:
          "Every change made by a member or an API key (and every CSV export) is recorded by the owner API itself; " +
          "system changes (Stripe) too. Needs an admin or owner (a read-write key of the team); reading it is not recorded.",
        parameters: [
          pathParam("teamId", "The team's id (a team you are not in answers 404)."),
          query("actor", "A member's user id, an API key's id, or `system`.", { type: "string", maxLength: 64 }),
          query("category", "What kind of change.", { enum: [...AUDIT_CATEGORIES] }),
          query("waitlist_id", "Changes of one waitlist.", { type: "string", maxLength: 64 }),
          query("from", `Entries at or after this. ${day}`, { type: "string" }),
          query("to", `Entries up to the end of this day, or up to this time. ${day}`, { type: "string" }),
          query("cursor", "next_cursor of the previous page.", { type: "string", pattern: "^[1-9][0-9]{0,18}$" }),
          query("limit", `Entries per page (default ${AUDIT_PAGE_DEFAULT}).`, { type: "integer", minimum: 1, maximum: AUDIT_PAGE_MAX }),
        ],
        ok: {
          description: "One page of entries.",
          schema: okObject({ entries: { type: "array", items: ref("AuditEntry") }, next_cursor: stringOrNull }),
        },
        role: "admin",
        errors: {
          400: ["A filter or the cursor is invalid (error.field names it).", ["invalid_input"]],
          404: ["No such team in your account.", ["not_found"]],
        },
      }),
    },
  },
  schemas: {
    AuditEntry: {
      type: "object",
      additionalProperties: false,
      required: ["id", "at", "actor", "action", "label", "category", "target", "waitlist_id", "details", "ip", "user_agent"],
      properties: {
        id: { type: "string", pattern: "^[1-9][0-9]*$", description: "Increasing; also the cursor." },
        at: iso,
        actor: {
          type: "object",
          additionalProperties: false,
          required: ["kind", "label"],
          properties: {
            kind: { enum: ["session", "key", "system"], description: "A person in the dashboard, an API key, or the system (Stripe)." },
            label: { type: "string", description: "As it was then: the person's email, the key's name and prefix, or the system's name." },
            user_id: { type: "string" },
            key_id: { type: "string" },
          },
        },
        action: { type: "string", description: 'The route that made the change ("PATCH /api/waitlists/:id") or a system action ("billing.plan_changed").' },
        label: { type: "string", description: "The action in words." },
        category: { enum: [...AUDIT_CATEGORIES] },
        target: { ...stringOrNull, description: "The id the change was made to (the innermost id of the route): a person's signup id, a key's id, a member's user id." },
        waitlist_id: stringOrNull,
        details: {
          type: "object",
          description: "What changed, never to what: field names, counts, names the team gave (a key's), a webhook's host. Never secrets or signups' personal data.",
        },
        ip: { ...stringOrNull, description: "The client address, as the deployment's proxies vouch for it." },
        user_agent: { ...stringOrNull, maxLength: 256 },
      },
    },
  },
};
