import { openApiDocument } from "@/lib/api/openapi";
import { CORS_HEADERS } from "@/lib/api/public-route";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument, { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=300" } });
}
