import { pathParam, type PathModule } from "@/lib/api/openapi-kit";
import { waitlistId } from "@/lib/api/owner-openapi/waitlists";
import { iso, okObject, ownerOp, ref, stringOrNull } from "@/lib/api/owner-openapi/operation";
import { jobsQuerySchema } from "@/lib/jobs/schemas";
import { restrictionsPatchSchema } from "@/lib/restrictions/schemas";

// Who may sign up (docs/restrictions.md) and email delivery (docs/emails.md).

const notFound: Record<number, [string, string[]]> = { 404: ["No such waitlist in your account.", ["not_found"]] };
const strings = { type: "array", items: { type: "string" } };
const count = { type: "integer", minimum: 0 };

export const operationPaths: PathModule = {
  tag: { name: "Restrictions and delivery", description: "Who may sign up, and the waitlist's failed email jobs." },
  paths: {
    "/api/waitlists/{id}/restrictions": {
      get: ownerOp({ operationId: "getRestrictions", summary: "Sign-up restrictions and refusals of the last 7 days per rule.", parameters: [waitlistId], ok: { description: "The restrictions.", schema: okObject({ restrictions: ref("Restrictions") }) }, errors: notFound }),
      patch: ownerOp({
        operationId: "updateRestrictions",
        summary: "Change the sign-up restrictions (any subset).",
        write: true,
        parameters: [waitlistId],
        body: restrictionsPatchSchema,
        ok: { description: "The restrictions as stored.", schema: okObject({ restrictions: ref("Restrictions") }) },
        errors: notFound,
      }),
    },
    "/api/waitlists/{id}/jobs": {
      get: ownerOp({
        operationId: "listFailedJobs",
        summary: "Email jobs that used up their retries, and delivery counts.",
        parameters: [waitlistId],
        query: jobsQuerySchema,
        ok: {
          description: "At most 100 failed jobs, newest first.",
          schema: okObject({
            jobs: { type: "array", items: ref("FailedJob") },
            summary: { type: "object", additionalProperties: false, required: ["failed", "waiting", "sent_24h"], properties: { failed: count, waiting: count, sent_24h: count } },
          }),
        },
        errors: notFound,
      }),
    },
    "/api/waitlists/{id}/jobs/{jobId}/retry": {
      post: ownerOp({
        operationId: "retryFailedJob",
        summary: "One more attempt for a failed email job of this waitlist.",
        write: true,
        parameters: [waitlistId, pathParam("jobId", "The job's id (from listFailedJobs).")],
        ok: { description: "Queued again.", schema: okObject({}) },
        errors: { 404: ["No such waitlist, or no such job of it.", ["not_found"]], 409: ["The job has not failed (waiting, running or done).", ["conflict"]] },
      }),
    },
  },
  schemas: {
    Restrictions: {
      type: "object",
      additionalProperties: false,
      required: ["sign_up_mode", "allowlist", "blocklist", "block_subaddresses", "block_disposable", "banned_keywords", "country_mode", "country_codes", "velocity_per_ip", "velocity_per_network", "velocity_window_minutes", "country_header", "refused_last_7_days"],
      properties: {
        sign_up_mode: { enum: ["public", "restricted", "closed"] },
        allowlist: strings,
        blocklist: strings,
        block_subaddresses: { type: "boolean" },
        block_disposable: { type: "boolean" },
        banned_keywords: strings,
        country_mode: { enum: ["off", "block", "allow_only"] },
        country_codes: strings,
        velocity_per_ip: { ...count, description: "More than this many referees of one referrer from one IP within the window are held for review; 0: off." },
        velocity_per_network: { ...count, description: "The same for one network (IPv4 /24, IPv6 /48); 0: off." },
        velocity_window_minutes: { type: "integer", minimum: 1, maximum: 10080 },
        country_header: { ...stringOrNull, description: "COUNTRY_HEADER of this server; null: country rules are not applied." },
        refused_last_7_days: {
          type: "object",
          additionalProperties: false,
          required: ["allowlist", "blocklist", "disposable", "subaddress", "keyword", "country"],
          properties: { allowlist: count, blocklist: count, disposable: count, subaddress: count, keyword: count, country: count },
        },
      },
    },
    FailedJob: {
      type: "object",
      additionalProperties: false,
      required: ["id", "kind", "recipient", "attempts", "error", "failed_at"],
      properties: { id: { type: "string" }, kind: { type: "string" }, recipient: { type: "string" }, attempts: count, error: { type: "string" }, failed_at: iso },
    },
  },
};
