import "server-only";
import { ApiError } from "@/lib/api/errors";
import { logger } from "@/lib/log";

type Headers = Record<string, string>;

export function jsonOk<T extends object>(body: T, init: { status?: number; headers?: Headers } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { "Cache-Control": "no-store", ...init.headers } });
}

/** Turns anything thrown by a handler into the one error shape; unknown faults become a bare 500. */
export function jsonError(error: unknown, headers: Headers = {}): Response {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError("internal_error", "Something went wrong on our side. Please try again in a moment.");
  if (!(error instanceof ApiError)) logger.error("unhandled API error", error);
  return Response.json(apiError.toBody(), {
    status: apiError.status,
    headers: { "Cache-Control": "no-store", ...headers, ...apiError.headers },
  });
}
