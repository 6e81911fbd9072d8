import { z } from "zod";
import { ERROR_STATUS } from "@/lib/api/errors";

// What both OpenAPI documents are built from: the error shape, request schemas derived from our zod schemas
// (so the document and the parser cannot disagree), and path modules merged into one document. Other areas
// add their routes to the owner document as one more PathModule (lib/api/owner-openapi/document.ts).

export type Json = Record<string, unknown>;
export type Operation = Json & { operationId: string; summary: string; responses: Record<string, Json> };
export type PathItem = Partial<Record<"get" | "post" | "put" | "patch" | "delete", Operation>> & { parameters?: Json[] };

/** One area's routes: its tag, paths and the component schemas they $ref. */
export type PathModule = {
  tag: { name: string; description: string };
  paths: Record<string, PathItem>;
  schemas?: Record<string, Json>;
};

export const ERROR_SCHEMA = {
  type: "object",
  required: ["ok", "error"],
  additionalProperties: false,
  properties: {
    ok: { const: false },
    error: {
      type: "object",
      required: ["code", "message"],
      additionalProperties: false,
      properties: {
        code: { type: "string", enum: Object.keys(ERROR_STATUS) },
        message: { type: "string", minLength: 1 },
        field: { type: "string", description: "The request field the error is about, when there is one." },
      },
    },
  },
} as const;

/** A documented error answer: the one error shape, narrowed to the codes this answer can carry. */
export function errorResponse(description: string, codes: string[], headers?: Json): Json {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      "application/json": {
        schema: {
          allOf: [{ $ref: "#/components/schemas/Error" }],
          properties: { error: { properties: { code: { enum: codes } } } },
        },
      },
    },
  };
}

/** The JSON Schema of what a zod schema accepts (its input side), without the $schema marker. */
export function zodJson(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return rest;
}

/** A JSON request body parsed with `schema`. */
export function jsonBody(schema: z.ZodType, description?: string): Json {
  return { required: true, ...(description ? { description } : {}), content: { "application/json": { schema: zodJson(schema) } } };
}

/** Query parameters, one per property of an object schema parsed with parseQuery. */
export function queryParams(schema: z.ZodType): Json[] {
  const json = zodJson(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

export const pathParam = (name: string, description: string, schema: Json = { type: "string" }): Json => ({
  name,
  in: "path",
  required: true,
  description,
  schema,
});

/**
 * Merges path modules into a document. Two modules claiming one path (or one schema name differently) is a
 * programming error, so it throws instead of letting the later module silently win.
 */
export function mergePathModules<D extends { paths: Record<string, PathItem>; components: { schemas: Record<string, Json> } }>(
  base: D,
  modules: readonly PathModule[],
): D & { tags: PathModule["tag"][] } {
  const paths: Record<string, PathItem> = { ...base.paths };
  const schemas: Record<string, Json> = { ...base.components.schemas };
  const tags: PathModule["tag"][] = [];
  for (const m of modules) {
    if (tags.some((t) => t.name === m.tag.name)) throw new Error(`OpenAPI: tag ${m.tag.name} is declared twice`);
    tags.push(m.tag);
    for (const [path, item] of Object.entries(m.paths)) {
      if (paths[path]) throw new Error(`OpenAPI: ${path} is described by two modules`);
      paths[path] = tagged(item, m.tag.name);
    }
    for (const [name, schema] of Object.entries(m.schemas ?? {})) {
      if (schemas[name] && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) {
        throw new Error(`OpenAPI: two modules define the schema ${name} differently`);
      }
      schemas[name] = schema;
    }
  }
  return { ...base, tags, paths, components: { ...base.components, schemas } };
}

function tagged(item: PathItem, tag: string): PathItem {
  const out: PathItem = { ...item };
  for (const method of ["get", "post", "put", "patch", "delete"] as const) {
    const op = item[method];
    if (op) out[method] = { tags: [tag], ...op };
  }
  return out;
}

/** Relative to the deployment the document is fetched from; the variable names the origin for tools that need one. */
export const SERVERS = [
  {
    url: "{origin}",
    description: "Your WaitForge deployment (its APP_URL).",
    variables: { origin: { default: "http://localhost:3000", description: "The deployment's origin, e.g. https://waitforge.example.com." } },
  },
];

// SPDX allows LicenseRef- for a licence of its own; the project is not open source.
export const LICENSE = { name: "Proprietary", identifier: "LicenseRef-WaitForge-Proprietary" };
