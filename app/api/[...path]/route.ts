import { jsonError } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";

// Any /api/ path no route claims: the JSON error shape every API client expects, never the HTML 404 page.
function notFound(): Response {
  return jsonError(new AppError("not_found", "There is no API endpoint at this path. See /api/public/openapi.json."));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
