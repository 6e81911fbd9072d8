import type { ErrorBody, ErrorCode } from "@/lib/errors";

// The dashboard's client for the owner API (/api/waitlists/**). Same-origin fetch, so the browser sends the
// session cookie and an Origin header the API's CSRF check accepts. Every failure, including a dropped
// connection or an HTML error page, comes back as { code, message, field? } for an inline message.

export type OwnerApiError = { code: ErrorCode | "network_error"; message: string; field?: string; status: number };

export type OwnerApiResult<T> = { ok: true; data: T } | { ok: false; error: OwnerApiError };

export async function ownerFetch<T>(
  path: string,
  init: { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal } = {},
): Promise<OwnerApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      cache: "no-store",
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return failure("network_error", "We couldn't reach WaitForge. Check your connection and try again.", 0);
  }

  const body: unknown = await res.json().catch(() => null);
  if (res.ok && body && typeof body === "object" && (body as { ok?: unknown }).ok === true) {
    return { ok: true, data: body as T };
  }
  const error = (body as ErrorBody | null)?.error;
  if (res.status === 401) {
    return failure("unauthorized", "Your session has ended. Reload the page to sign in again.", 401);
  }
  if (error && typeof error.message === "string") {
    return { ok: false, error: { code: error.code, message: error.message, field: error.field, status: res.status } };
  }
  return failure("internal_error", "Something went wrong on our side. Please try again in a moment.", res.status);
}

function failure(code: OwnerApiError["code"], message: string, status: number): { ok: false; error: OwnerApiError } {
  return { ok: false, error: { code, message, status } };
}
