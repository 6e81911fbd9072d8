import { pathParam, type PathModule } from "@/lib/api/openapi-kit";
import { iso, isoOrNull, okObject, ownerOp, ref, stringOrNull } from "@/lib/api/owner-openapi/operation";
import { teamQuerySchema } from "@/lib/teams/schemas";
import { THEME_FONTS, THEME_RADII } from "@/lib/waitlists/schemas";
import { createWaitlistSchema, updateWaitlistSchema } from "@/lib/waitlists/schemas";
import { exportQuerySchema, importQuerySchema, listSignupsQuerySchema, updateSignupSchema } from "@/lib/signups/schemas";

// Waitlists, their people, stats, CSV export/import and billing links (README "Owner API").

export const waitlistId = pathParam("id", "The waitlist's id (a list of a team you are not in answers 404, never 403).");
const notFound = (what = "No such waitlist in your teams."): Record<number, [string, string[]]> => ({ 404: [what, ["not_found"]] });
const hex = { type: "string", pattern: "^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$" };
const status = { enum: ["pending", "waiting", "invited", "joined", "removed"] };

export const waitlistPaths: PathModule = {
  tag: { name: "Waitlists", description: "Your waitlists, the people on them, stats, CSV export and import, billing." },
  paths: {
    "/api/waitlists": {
      get: ownerOp({ operationId: "listWaitlists", summary: "List a team's waitlists with their counts (`team_id`, else the dashboard's chosen team; a key: its team).", query: teamQuerySchema, errors: { 404: ["No such team among yours.", ["not_found"]] }, ok: { description: "Newest first.", schema: okObject({ waitlists: { type: "array", items: ref("Waitlist") } }) } }),
      post: ownerOp({
        operationId: "createWaitlist",
        summary: "Create a waitlist (its hosted page is live at once).",
        write: true,
        body: createWaitlistSchema,
        ok: { status: 201, description: "Created.", schema: okObject({ waitlist: ref("Waitlist") }) },
        errors: { 404: ["No such team among yours.", ["not_found"]], 409: ["The slug belongs to another waitlist.", ["slug_taken"]] },
      }),
    },
    "/api/waitlists/{id}": {
      get: ownerOp({ operationId: "getWaitlist", summary: "One waitlist.", parameters: [waitlistId], ok: { description: "The waitlist.", schema: okObject({ waitlist: ref("Waitlist") }) }, errors: notFound() }),
      patch: ownerOp({
        operationId: "updateWaitlist",
        summary: "Update a waitlist's title, description, theme, fields, capacity, boost, open state, hosts and options.",
        write: true,
        parameters: [waitlistId],
        body: updateWaitlistSchema,
        ok: { description: "The waitlist as stored.", schema: okObject({ waitlist: ref("Waitlist") }) },
        errors: notFound(),
      }),
      delete: ownerOp({ operationId: "deleteWaitlist", summary: "Delete a waitlist and everyone on it (team owners).", write: true, role: "owner", parameters: [waitlistId], ok: { description: "Deleted.", schema: okObject({}) }, errors: notFound() }),
    },
    "/api/waitlists/{id}/stats": {
      get: ownerOp({ operationId: "getWaitlistStats", summary: "Totals, today, 7 days, referral share, 30 days per day, top referrers.", parameters: [waitlistId], ok: { description: "The stats.", schema: okObject({ stats: ref("Stats") }) }, errors: notFound() }),
    },
    "/api/waitlists/{id}/signups": {
      get: ownerOp({
        operationId: "listSignups",
        summary: "People on a waitlist, in keyset pages (pass next_cursor back as cursor).",
        parameters: [waitlistId],
        query: listSignupsQuerySchema,
        ok: { description: "One page.", schema: okObject({ signups: { type: "array", items: ref("Signup") }, next_cursor: stringOrNull }) },
        errors: notFound(),
      }),
    },
    "/api/waitlists/{id}/signups/{signupId}": {
      parameters: [waitlistId, pathParam("signupId", "The person's id (a uuid).")],
      patch: ownerOp({
        operationId: "updateSignupStatus",
        summary: "Move a person: invite, mark joined, remove or put back in line.",
        write: true,
        body: updateSignupSchema,
        ok: { description: "changed: false when they were in that state already.", schema: okObject({ changed: { type: "boolean" } }) },
        errors: { ...notFound("No such waitlist or person."), 409: ["An impossible move, or the person has not confirmed their email yet.", ["conflict"]] },
      }),
      delete: ownerOp({ operationId: "deleteSignup", summary: "Delete a person (everyone behind moves up).", write: true, ok: { description: "Deleted.", schema: okObject({}) }, errors: notFound("No such waitlist or person.") }),
    },
    "/api/waitlists/{id}/export.csv": {
      get: ownerOp({
        operationId: "exportSignups",
        summary: "Stream the people as CSV (formula-guarded cells). Recorded in the team's audit log.",
        personalData: true,
        parameters: [waitlistId],
        query: exportQuerySchema,
        ok: { description: "", response: { description: "A CSV file: position,email,name,company,twitter,ref_code,referred_by,referrals,status,joined_at.", content: { "text/csv": { schema: { type: "string" } } } } },
        errors: notFound(),
      }),
    },
    "/api/waitlists/{id}/import": {
      post: ownerOp({
        operationId: "importSignups",
        summary: "Import people from a CSV file (Pro); all or nothing.",
        description: "?dry_run=1 answers the column mapping, counts and a preview without writing. Otherwise the answer streams NDJSON: a started line, progress lines, then done (or error: nothing was imported).",
        write: true,
        parameters: [waitlistId],
        query: importQuerySchema,
        body: { required: true, description: "The CSV file (at most 20 MB) with an email column.", content: { "text/csv": { schema: { type: "string" } } } },
        ok: {
          description: "",
          response: {
            description: "A dry run's JSON report, or the NDJSON stream of the import.",
            content: {
              "application/json": {
                schema: okObject({
                  columns: { type: "array", items: { type: "string" } },
                  mapping: { type: "object", description: "Which CSV column feeds which field." },
                  total_rows: { type: "integer" },
                  valid_rows: { type: "integer" },
                  invalid_rows: { type: "integer" },
                  preview: { type: "array", items: { type: "object" }, description: "The first 10 valid rows." },
                  issues: { type: "array", items: { type: "object" }, description: "The first 100 invalid rows: line and reason." },
                }),
              },
              "application/x-ndjson": { schema: { type: "string" } },
            },
          },
        },
        errors: { ...notFound(), 400: ["Not a readable CSV, or no email column.", ["invalid_csv"]], 402: ["CSV import is a Pro feature.", ["plan_required"]] },
      }),
    },
    "/api/waitlists/{id}/upgrade": {
      post: ownerOp({
        operationId: "startUpgrade",
        summary: "Start Stripe Checkout for the Pro plan of this waitlist's team (Pro applies to all its lists); redirect to url.",
        sessionOnly: true,
        write: true,
        role: "owner",
        parameters: [waitlistId],
        ok: { description: "The Checkout URL.", schema: okObject({ url: { type: "string", format: "uri" } }) },
        errors: { ...notFound(), 409: ["Already on Pro.", ["conflict"]], 503: ["Billing is not configured on this server.", ["billing_not_configured"]] },
      }),
    },
    "/api/waitlists/{id}/billing-portal": {
      post: ownerOp({
        operationId: "openBillingPortal",
        summary: "Open Stripe's customer portal for the subscription of this waitlist's team.",
        sessionOnly: true,
        write: true,
        role: "owner",
        parameters: [waitlistId],
        ok: { description: "The portal URL.", schema: okObject({ url: { type: "string", format: "uri" } }) },
        errors: { ...notFound(), 409: ["No subscription yet.", ["conflict"]], 503: ["Billing is not configured on this server.", ["billing_not_configured"]] },
      }),
    },
  },
  schemas: {
    Waitlist: {
      type: "object",
      additionalProperties: false,
      required: ["id", "slug", "title", "description", "theme", "fields", "team_id", "capacity", "referral_boost", "is_open", "allowed_hosts", "double_opt_in", "plan", "signup_count", "waiting_count", "cap", "full", "created_at", "referral_digest"],
      properties: {
        id: { type: "string" },
        slug: { type: "string" },
        title: { type: "string" },
        description: { type: "string" },
        theme: {
          type: "object",
          additionalProperties: false,
          required: ["primary", "bg", "text", "font", "radius", "logo_url", "hero_image"],
          properties: { primary: hex, bg: hex, text: hex, font: { enum: [...THEME_FONTS] }, radius: { enum: [...THEME_RADII] }, logo_url: { type: "string" }, hero_image: { type: "string" } },
        },
        fields: { type: "object", required: ["name", "company", "twitter"], properties: { name: { type: "boolean" }, company: { type: "boolean" }, twitter: { type: "boolean" } } },
        team_id: { type: "string", description: "The team that owns the list (docs/teams.md)." },
        capacity: { type: ["integer", "null"] },
        referral_boost: { type: "integer" },
        is_open: { type: "boolean" },
        allowed_hosts: { type: "array", items: { type: "string" } },
        double_opt_in: { type: "boolean" },
        plan: { enum: ["FREE", "PRO"] },
        signup_count: { type: "integer" },
        waiting_count: { type: "integer" },
        cap: { type: ["integer", "null"], description: "The effective signup cap (plan and capacity); null for none." },
        full: { type: "boolean" },
        created_at: iso,
        referral_digest: { type: "boolean" },
      },
    },
    Signup: {
      type: "object",
      additionalProperties: false,
      required: ["id", "position", "email", "name", "company", "twitter", "ref_code", "referred_by", "referrals", "status", "joined_at", "invited_at", "external_id", "answers", "source", "attribution", "metadata"],
      properties: {
        id: { type: "string", format: "uuid" },
        position: { type: ["integer", "null"], minimum: 1, description: "null unless waiting" },
        email: { type: "string" },
        name: stringOrNull,
        company: stringOrNull,
        twitter: stringOrNull,
        ref_code: { type: "string" },
        referred_by: stringOrNull,
        referrals: { type: "integer", minimum: 0 },
        status,
        joined_at: iso,
        invited_at: isoOrNull,
        external_id: { type: ["string", "null"], description: "Your product's user id, for members of a feature waitlist (docs/feature-waitlists.md)." },
        answers: { type: ["object", "null"], description: "Answers to the list's questions by question id (docs/custom-fields.md)." },
        source: { type: "string", description: "Where they came from: utm_source, else the referring site, else referral or direct." },
        attribution: { type: ["object", "null"], description: "utm_*, referring_site and ref as recorded (docs/metadata-and-attribution.md)." },
        metadata: { type: ["object", "null"], description: "The caller's own metadata of the signup." },
      },
    },
    Stats: {
      type: "object",
      additionalProperties: false,
      required: ["total", "waiting", "invited", "today", "last_7_days", "referred", "referral_share", "per_day", "top_referrers", "top_sources"],
      properties: {
        total: { type: "integer" },
        waiting: { type: "integer" },
        invited: { type: "integer" },
        today: { type: "integer" },
        last_7_days: { type: "integer" },
        referred: { type: "integer" },
        referral_share: { type: "number", minimum: 0 },
        per_day: { type: "array", items: { type: "object", additionalProperties: false, required: ["date", "signups"], properties: { date: { type: "string", format: "date" }, signups: { type: "integer" } } } },
        top_referrers: {
          type: "array",
          items: { type: "object", additionalProperties: false, required: ["email", "name", "referrals", "ref_code"], properties: { email: { type: "string" }, name: stringOrNull, referrals: { type: "integer" }, ref_code: { type: "string" } } },
        },
        top_sources: {
          type: "array",
          description: "The last 30 days' sources, most signups first (at most 10).",
          items: { type: "object", additionalProperties: false, required: ["source", "signups"], properties: { source: { type: "string" }, signups: { type: "integer" } } },
        },
      },
    },
  },
};
