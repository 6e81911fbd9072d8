import "server-only";
import { ERROR_STATUS } from "@/lib/api/errors";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";

type Headers = Record<string, string>;

export function jsonOk<T extends object>(body: T, init: { status?: number; headers?: Headers } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { "Cache-Control": "no-store", ...init.headers } });
}

/** Turns anything thrown by a handler into the one error shape; unknown faults become a bare 500. */
export function jsonError(error: unknown, headers: Headers = {}): Response {
  const appError =
    error instanceof AppError
      ? error
      : new AppError("internal_error", "Something went wrong on our side. Please try again in a moment.");
  if (!(error instanceof AppError)) logger.error("unhandled API error", error);
  return Response.json(appError.toBody(), {
    status: ERROR_STATUS[appError.code],
    headers: { "Cache-Control": "no-store", ...headers, ...appError.headers },
  });
}

/** Adds headers to a handler's answer; a Response with immutable headers (a redirect, a fetched one) is copied. */
export function withHeaders(res: Response, headers: Record<string, string>): Response {
  if (Object.keys(headers).length === 0) return res;
  let out = res;
  try {
    for (const [k, v] of Object.entries(headers)) out.headers.set(k, v);
  } catch {
    out = new Response(res.body, res);
    for (const [k, v] of Object.entries(headers)) out.headers.set(k, v);
  }
  return out;
}
