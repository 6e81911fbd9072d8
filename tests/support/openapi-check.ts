import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";
import { GET as ownerOpenapiGET } from "@/app/api/openapi.json/route";
import { GET as openapiGET } from "@/app/api/public/openapi.json/route";

// Real answers of the real handlers against the OpenAPI documents as /api/public/openapi.json (public API) and
// /api/openapi.json (owner API) serve them.

export type OpenApiDoc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: { schemas: Record<string, object> };
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export async function servedOpenApi(which: "public" | "owner" = "public"): Promise<OpenApiDoc> {
  const res = which === "owner" ? ownerOpenapiGET() : openapiGET();
  expect(res.status).toBe(200);
  return (await res.json()) as OpenApiDoc;
}

/** A validator for one documented answer (fails the test when the status is not documented). */
export function validatorFor(doc: OpenApiDoc, path: string, method: string, status: number) {
  const response = doc.paths[path]?.[method]?.responses[String(status)];
  expect(response, `${method.toUpperCase()} ${path} documents ${status}`).toBeDefined();
  const schema = response!.content!["application/json"]!.schema;
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  return ajv.compile({ ...schema, components: doc.components });
}

export function expectDocumented(doc: OpenApiDoc, path: string, method: string, r: { status: number; json: unknown }) {
  const validate = validatorFor(doc, path, method, r.status);
  const ok = validate(r.json);
  expect(validate.errors ?? [], JSON.stringify(r.json)).toEqual([]);
  expect(ok).toBe(true);
}
