import type { z } from "zod";
import { errorResponse, jsonBody, queryParams, type Json, type Operation } from "@/lib/api/openapi-kit";

// One owner operation with the answers every owner route shares (lib/api/owner-route.ts): 401 without a valid
// session or key, 403 for a read-only key or a foreign Origin on writes, 429 past a key's per-minute limit, 400
// for a body or query the zod schema refuses. Each route adds its own answers on top.

export const keyRateLimitHeaders: Json = {
  "RateLimit-Limit": { schema: { type: "integer" }, description: "Requests a minute for this API key (OWNER_KEY_RATE_LIMIT). Only with a key." },
  "RateLimit-Remaining": { schema: { type: "integer" }, description: "Requests left in this window. Only with a key." },
  "RateLimit-Reset": { schema: { type: "integer" }, description: "Seconds until the window resets. Only with a key." },
};

export const SESSION_ONLY = [{ session: [] }];

type OwnerOp = {
  operationId: string;
  summary: string;
  description?: string;
  /** Changes state: Origin check for cookies, write scope for keys. */
  write?: boolean;
  /** Only the dashboard's session may call (key management). */
  sessionOnly?: boolean;
  /** The least team role (lib/api/owner-route.ts): viewer for reads, admin for changes unless said. */
  role?: "viewer" | "admin" | "owner";
  /** Personal data in bulk (the CSV export): a viewer only where the team allows it. */
  personalData?: boolean;
  parameters?: Json[];
  query?: z.ZodType;
  body?: z.ZodType | Json;
  bodyDescription?: string;
  /** The success answer: a status and its JSON schema, or a full response object (CSV, NDJSON). */
  ok: { status?: number; description: string; schema?: Json; response?: Json };
  /** Further answers by status, merged with the shared ones (codes of one status are combined). */
  errors?: Record<number, [string, string[]]>;
};

export function ownerOp(o: OwnerOp): Operation {
  const errors: Record<number, [string, string[]]> = {};
  const add = (status: number, description: string, codes: string[]) => {
    const seen = errors[status];
    errors[status] = seen ? [`${seen[0]} ${description}`, [...new Set([...seen[1], ...codes])]] : [description, codes];
  };
  if (o.body) add(400, "The body is not valid JSON, not an object, too large, or a field is invalid (error.field).", ["invalid_input", "bad_json", "invalid_content_type", "payload_too_large"]);
  else if (o.query) add(400, "A query parameter is invalid (error.field names it).", ["invalid_input"]);
  add(401, "No valid session cookie or API key (unknown, malformed or revoked).", ["unauthorized"]);
  if (o.sessionOnly) add(403, "Called with an API key: keys cannot manage keys.", ["forbidden"]);
  if (o.write) add(403, "A read-only API key, or (with the cookie) a request from another site's Origin.", ["forbidden", "forbidden_origin"]);
  const role = o.role ?? (o.write ? "admin" : "viewer");
  if (role !== "viewer") add(403, `Your role in the team is below ${role} (an API key counts as admin with write scope, viewer with read scope).`, ["forbidden"]);
  if (o.personalData) add(403, "A viewer, while the team's owners have not allowed viewers to export personal data.", ["forbidden"]);
  add(429, "This API key made more requests this minute than OWNER_KEY_RATE_LIMIT allows (Retry-After says when to retry).", ["rate_limited"]);
  for (const [status, [description, codes]] of Object.entries(o.errors ?? {})) add(Number(status), description, codes);

  const responses: Record<string, Json> = {
    [String(o.ok.status ?? 200)]: o.ok.response ?? {
      description: o.ok.description,
      headers: keyRateLimitHeaders,
      content: { "application/json": { schema: o.ok.schema } },
    },
  };
  for (const [status, [description, codes]] of Object.entries(errors).sort(([a], [b]) => Number(a) - Number(b))) {
    responses[status] = errorResponse(description, codes, status === "429" ? { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } } : undefined);
  }
  const body = o.body ? (isZod(o.body) ? jsonBody(o.body, o.bodyDescription) : o.body) : undefined;
  return {
    operationId: o.operationId,
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    ...(o.sessionOnly ? { security: SESSION_ONLY } : {}),
    "x-min-role": role,
    ...(o.parameters || o.query ? { parameters: [...(o.parameters ?? []), ...(o.query ? queryParams(o.query) : [])] } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

function isZod(v: unknown): v is z.ZodType {
  return typeof v === "object" && v !== null && "safeParse" in v;
}

/** `{ ok: true, ...properties }`, every property required unless listed in `optional`. */
export function okObject(properties: Record<string, Json>, optional: string[] = []): Json {
  return {
    type: "object",
    additionalProperties: false,
    required: ["ok", ...Object.keys(properties).filter((k) => !optional.includes(k))],
    properties: { ok: { const: true }, ...properties },
  };
}

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
export const iso = { type: "string", format: "date-time" } as const;
export const isoOrNull = { type: ["string", "null"], format: "date-time" } as const;
export const stringOrNull = { type: ["string", "null"] } as const;
