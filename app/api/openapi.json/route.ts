import { ownerOpenApiDocument } from "@/lib/api/owner-openapi/document";

export const dynamic = "force-static";

/** The owner API's OpenAPI document (the public API's is at /api/public/openapi.json). */
export function GET(): Response {
  return Response.json(ownerOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
