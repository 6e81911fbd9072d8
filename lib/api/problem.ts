import "server-only";
import { STATUS_CODES } from "node:http";
import { ERROR_STATUS } from "@/lib/api/errors";
import { AppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/log";

// RFC 9457 problem details for the versioned product API (/api/v1, docs/feature-waitlists.md), in the shape of
// seed 001: type, title, status, detail, plus our error code as the extension member `code` (the same vocabulary
// as the owner and public APIs, lib/errors.ts) and, for a bad field, `invalid_params`. `type` is "about:blank":
// the status and `code` carry the meaning, and no one should dereference a made-up URL (RFC 9457 §4.2.1), so
// `title` is the status's phrase as that section asks.

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export type InvalidParam = { in: "path" | "body"; path: string; type: string };

export type ProblemBody = {
  type: "about:blank";
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  invalid_params?: InvalidParam[];
};

/** A problem answer for anything a handler threw; unknown faults become a bare 500 (logged, nothing leaked). */
export function problemResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const appError =
    error instanceof AppError
      ? error
      : new AppError("internal_error", "Something went wrong on our side. Please try again in a moment.");
  if (!(error instanceof AppError)) logger.error("unhandled API error", error);
  const status = ERROR_STATUS[appError.code];
  const body: ProblemBody = {
    type: "about:blank",
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail: appError.message,
    code: appError.code,
  };
  if (appError.field) body.invalid_params = [{ in: appError.field.startsWith("path.") ? "path" : "body", path: appError.field.replace(/^path\./, ""), type: appError.code }];
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers, ...appError.headers },
  });
}
