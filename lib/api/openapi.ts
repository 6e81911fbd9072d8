import { ERROR_SCHEMA, LICENSE, SERVERS } from "@/lib/api/openapi-kit";
import { privacyPaths, privacySchemas } from "@/lib/api/openapi-privacy";
import { fieldsPaths, fieldsSchemas } from "@/lib/fields/openapi";
import { signupExtrasProperties } from "@/lib/attribution/openapi";
import { HONEYPOT_FIELD, SIGNUP_MAX_BYTES, REF_CODE_ALPHABET, REF_CODE_LENGTH } from "@/lib/signups/schemas";
import { THEME_FONTS, THEME_RADII } from "@/lib/waitlists/schemas";

// OpenAPI 3.1 description of the public API, served at /api/public/openapi.json. A test validates real
// responses against these schemas, so the document cannot drift from what the handlers answer.

const hex = { type: "string", pattern: "^#[0-9a-f]{3}([0-9a-f]{3})?$" };
const refCode = { type: "string", pattern: `^[${REF_CODE_ALPHABET}]{${REF_CODE_LENGTH}}$` };

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

const rateLimitHeaders = {
  "RateLimit-Limit": { schema: { type: "integer" }, description: "Requests allowed per window (120)." },
  "RateLimit-Remaining": { schema: { type: "integer" }, description: "Requests left in this window." },
  "RateLimit-Reset": { schema: { type: "integer" }, description: "Seconds until the window resets." },
};

/** Every public operation says explicitly that it needs no credentials (`security: []`). */
function withoutAuth<T extends Record<string, object>>(paths: T): T {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item).map(([method, op]) => [method, { ...(op as object), security: [] }])),
    ]),
  ) as T;
}

const slugParam = {
  name: "slug",
  in: "path",
  required: true,
  schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$" },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "WaitForge Signup API",
    version: "1.0.0",
    license: LICENSE,
    description:
      "POST signups from your backend, app or CLI. All endpoints share a per-IP limit of 120 requests a minute " +
      "(429 with Retry-After: 60) and allow CORS from any origin. No authentication: every operation declares " +
      "`security: []`. The owner API (API keys) is described at /api/openapi.json.",
  },
  servers: SERVERS,
  paths: withoutAuth({
    "/api/public/{slug}/config": {
      get: {
        operationId: "getConfig",
        summary: "Public waitlist config (title, theme, fields, Turnstile key). Cached at the edge for 60 s.",
        parameters: [slugParam],
        responses: {
          "200": {
            description: "The waitlist's public configuration.",
            headers: rateLimitHeaders,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Config" } } },
          },
          "404": error("Slug doesn't exist.", ["not_found"]),
          "429": error("Rate limited.", ["rate_limited"]),
        },
      },
    },
    "/api/public/{slug}/signup": {
      post: {
        operationId: "createSignup",
        summary: "Create a signup. Returns position + referral code.",
        parameters: [slugParam],
        requestBody: {
          required: true,
          description: `JSON, at most ${SIGNUP_MAX_BYTES} bytes. "${HONEYPOT_FIELD}" is the honeypot: leave it out or empty.`,
          content: { "application/json": { schema: { $ref: "#/components/schemas/SignupRequest" } } },
        },
        responses: {
          "200": {
            description:
              "Created, or the email was already on the list (duplicate: true). On a list with double opt-in the " +
              'person is status: "pending" until they click the emailed link; position is then the place they get ' +
              "if they confirm now, and there is no status_token (the status link comes with confirming). Signing up " +
              "again while pending re-sends the email.",
            headers: rateLimitHeaders,
            content: {
              "application/json": {
                schema: { oneOf: [{ $ref: "#/components/schemas/SignupCreated" }, { $ref: "#/components/schemas/SignupDuplicate" }] },
              },
            },
          },
          "400": error(
            "Invalid email, bad JSON, wrong content type, payload too large, or honeypot triggered; or refused by the " +
              "waitlist's restrictions for something the person can change (docs/restrictions.md): disposable_email, " +
              "subaddress_not_allowed, banned_keyword (field names the input). Nothing stored.",
            [
              "invalid_email",
              "invalid_input",
              "bad_json",
              "invalid_content_type",
              "payload_too_large",
              "honeypot_triggered",
              "disposable_email",
              "subaddress_not_allowed",
              "banned_keyword",
            ],
          ),
          "403": error(
            "Turnstile failed, or the waitlist is full or closed; or its restrictions refuse this address or country: " +
              "email_not_allowed (invite-only list), email_blocked, country_not_allowed. Nothing stored.",
            [
              "turnstile_failed",
              "waitlist_full",
              "waitlist_closed",
              "email_not_allowed",
              "email_blocked",
              "country_not_allowed",
            ],
          ),
          "404": error("Slug doesn't exist.", ["not_found"]),
          "429": error(
            "Rate limited (120 requests per IP per minute), or, on a list with double opt-in, too many confirmation " +
              "emails (3 a day per address, a few an hour per network): too_many_emails, with Retry-After; nothing stored.",
            ["rate_limited", "too_many_emails"],
          ),
          "500": error("Transient server error: safe to retry once.", ["internal_error"]),
        },
      },
    },
    "/api/public/confirm/{token}": {
      post: {
        operationId: "confirmSignup",
        summary:
          "Confirm a double opt-in signup with the token from its confirmation email. Single-use: once confirmed, the " +
          "person's confirm links are deleted (404 after). GET never confirms (the emailed link opens a page with " +
          "the button, since mail scanners open links).",
        parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description:
              "Confirmed now (confirmed: true), or by a concurrent request with the same link (false). A browser's " +
              "form post gets 303 instead.",
            headers: rateLimitHeaders,
            content: { "application/json": { schema: { $ref: "#/components/schemas/SignupConfirmed" } } },
          },
          "303": {
            description:
              "A browser's form post (Sec-Fetch-Mode: navigate): to a fresh private status page when this post " +
              "confirmed, otherwise (link used or unknown) back to the confirm page, which says so.",
          },
          "404": error("Not a confirmation link, or one used already.", ["not_found"]),
          "429": error("Rate limited (120 requests per IP per minute).", ["rate_limited"]),
        },
      },
    },
    ...privacyPaths(error, slugParam, rateLimitHeaders),
    ...fieldsPaths(error, slugParam, rateLimitHeaders),
  }),
  components: {
    schemas: {
      ...privacySchemas,
      ...fieldsSchemas,
      Error: ERROR_SCHEMA,
      Config: {
        type: "object",
        additionalProperties: false,
        required: ["title", "description", "theme", "fields", "branding", "turnstile_site_key"],
        properties: {
          title: { type: "string" },
          description: { type: "string" },
          theme: {
            type: "object",
            additionalProperties: false,
            required: ["primary", "bg", "text", "font", "radius", "logo_url", "hero_image"],
            properties: {
              primary: hex,
              bg: hex,
              text: hex,
              font: { enum: [...THEME_FONTS] },
              radius: { enum: [...THEME_RADII] },
              logo_url: { type: "string", description: "http(s) URL or empty" },
              hero_image: { type: "string", description: "http(s) URL or empty" },
            },
          },
          fields: {
            type: "object",
            additionalProperties: false,
            required: ["name", "company", "twitter"],
            properties: { name: { type: "boolean" }, company: { type: "boolean" }, twitter: { type: "boolean" } },
          },
          branding: { type: "boolean" },
          turnstile_site_key: { type: "string" },
        },
      },
      SignupRequest: {
        type: "object",
        required: ["email", "turnstile"],
        properties: {
          email: { type: "string", format: "email", maxLength: 254 },
          name: { type: "string", maxLength: 120 },
          company: { type: "string", maxLength: 120 },
          twitter: { type: "string", description: "Handle, @handle or x.com URL" },
          ref: { type: "string", description: "A referral code from a share link; unknown codes are ignored." },
          turnstile: { type: "string", description: "Cloudflare Turnstile token for the waitlist's site key." },
          [HONEYPOT_FIELD]: { type: "string", maxLength: 0, description: "Honeypot: must be absent or empty." },
          answers: { $ref: "#/components/schemas/Answers" },
          ...signupExtrasProperties,
        },
      },
      SignupCreated: {
        type: "object",
        additionalProperties: false,
        required: ["ok", "position", "ref_code", "share_path"],
        properties: {
          ok: { const: true },
          position: { type: "integer", minimum: 1 },
          ref_code: refCode,
          share_path: { type: "string", pattern: "^/w/[a-z0-9-]+\\?ref=[A-Z0-9]+$" },
          status_token: {
            type: "string",
            description:
              "Secret for the signup's private status page (/w/{slug}/status/{token}). Shown once; absent when " +
              "pending (double opt-in).",
          },
          status: {
            const: "pending",
            description: "Double opt-in: not in line (nor credited as a referral) until the emailed link is confirmed.",
          },
        },
      },
      SignupConfirmed: {
        type: "object",
        additionalProperties: false,
        required: ["ok", "confirmed", "status", "position"],
        properties: {
          ok: { const: true },
          confirmed: { type: "boolean", description: "false: a concurrent request confirmed it; nothing changed" },
          status: { enum: ["waiting", "invited", "joined", "removed"] },
          position: { type: ["integer", "null"], minimum: 1, description: "null unless waiting" },
        },
      },
      SignupDuplicate: {
        type: "object",
        additionalProperties: false,
        required: ["ok", "duplicate", "position", "ref_code"],
        properties: {
          ok: { const: true },
          duplicate: { const: true },
          position: { type: ["integer", "null"], minimum: 1, description: "null once the person was let in" },
          ref_code: refCode,
          status: { enum: ["invited", "pending"] },
        },
      },
    },
  },
} as const;
