import { pathParam, type PathModule } from "@/lib/api/openapi-kit";
import { waitlistId } from "@/lib/api/owner-openapi/waitlists";
import { iso, isoOrNull, okObject, ownerOp, ref, stringOrNull } from "@/lib/api/owner-openapi/operation";
import { createWaveSchema, invitationSettingsSchema, inviteRequestSchema } from "@/lib/invitations/schemas";

// Letting people in: now, in scheduled waves, invite codes and the invitation's settings (docs/invitations.md).

const notFound = (what = "No such waitlist in your account."): Record<number, [string, string[]]> => ({ 404: [what, ["not_found"]] });

export const invitationPaths: PathModule = {
  tag: { name: "Invitations", description: "Let people in now or in scheduled waves; invite codes and the invitation email's settings." },
  paths: {
    "/api/waitlists/{id}/invitations": {
      post: ownerOp({
        operationId: "inviteSignups",
        summary: "Let in the top N waiting people, or chosen ones; each gets the invitation email.",
        write: true,
        parameters: [waitlistId],
        body: inviteRequestSchema,
        ok: { description: "Who was let in (those of them still waiting).", schema: okObject({ invited: { type: "integer", minimum: 0 }, signup_ids: { type: "array", items: { type: "string", format: "uuid" } } }) },
        errors: notFound(),
      }),
    },
    "/api/waitlists/{id}/waves": {
      get: ownerOp({ operationId: "listWaves", summary: "The waitlist's invitation waves.", parameters: [waitlistId], ok: { description: "Scheduled, done and cancelled waves.", schema: okObject({ waves: { type: "array", items: ref("Wave") } }) }, errors: notFound() }),
      post: ownerOp({
        operationId: "createWave",
        summary: "Schedule a wave (once, daily or weekly) in the list's time zone.",
        write: true,
        parameters: [waitlistId],
        body: createWaveSchema,
        ok: { status: 201, description: "Scheduled.", schema: okObject({ wave: ref("Wave") }) },
        errors: { ...notFound(), 409: ["Too many scheduled waves (20).", ["conflict"]] },
      }),
    },
    "/api/waitlists/{id}/waves/{waveId}": {
      delete: ownerOp({
        operationId: "cancelWave",
        summary: "Cancel a scheduled wave (a finished or cancelled one stays as it is).",
        write: true,
        parameters: [waitlistId, pathParam("waveId", "The wave's id (a uuid).")],
        ok: { description: "The wave after cancelling.", schema: okObject({ wave: ref("Wave") }) },
        errors: notFound("No such waitlist or wave."),
      }),
    },
    "/api/waitlists/{id}/invite-codes/{code}": {
      get: ownerOp({
        operationId: "lookupInviteCode",
        summary: "Whether an invite code is valid (its holder invited or joined), and whose.",
        parameters: [waitlistId, pathParam("code", "The invite code as the person typed it.")],
        ok: {
          description: "valid: false and signup: null for an unknown code.",
          schema: okObject({
            valid: { type: "boolean" },
            signup: {
              oneOf: [
                { type: "null" },
                {
                  type: "object",
                  additionalProperties: false,
                  required: ["id", "email", "name", "status", "invited_at", "joined_at"],
                  properties: { id: { type: "string" }, email: { type: "string" }, name: stringOrNull, status: { type: "string" }, invited_at: isoOrNull, joined_at: isoOrNull },
                },
              ],
            },
          }),
        },
        errors: notFound(),
      }),
    },
    "/api/waitlists/{id}/invitation-settings": {
      get: ownerOp({ operationId: "getInvitationSettings", summary: "Invite URL, message, invite codes and time zone.", parameters: [waitlistId], ok: { description: "The settings.", schema: okObject({ settings: ref("InvitationSettings") }) }, errors: notFound() }),
      patch: ownerOp({
        operationId: "updateInvitationSettings",
        summary: "Change the invitation settings (any subset).",
        write: true,
        parameters: [waitlistId],
        body: invitationSettingsSchema,
        ok: { description: "The settings as stored.", schema: okObject({ settings: ref("InvitationSettings") }) },
        errors: notFound(),
      }),
    },
  },
  schemas: {
    Wave: {
      type: "object",
      additionalProperties: false,
      required: ["id", "size", "kind", "weekday", "time", "next_run_at", "status", "last_run_at", "last_invited_count", "created_at", "stalled"],
      properties: {
        id: { type: "string", format: "uuid" },
        size: { type: "integer", minimum: 1 },
        kind: { enum: ["once", "daily", "weekly"] },
        weekday: { type: ["integer", "null"], minimum: 0, maximum: 6 },
        time: stringOrNull,
        next_run_at: isoOrNull,
        status: { enum: ["scheduled", "done", "cancelled"] },
        last_run_at: isoOrNull,
        last_invited_count: { type: ["integer", "null"] },
        created_at: iso,
        stalled: { type: "boolean" },
      },
    },
    InvitationSettings: {
      type: "object",
      additionalProperties: false,
      required: ["invite_url", "invite_message", "require_invite_code", "time_zone"],
      properties: { invite_url: stringOrNull, invite_message: { type: "string" }, require_invite_code: { type: "boolean" }, time_zone: { type: "string" } },
    },
  },
};
