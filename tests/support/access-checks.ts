import { expect } from "vitest";
import { fillPattern, type ApiCall, type HttpMethod, type Ids } from "@/tests/support/access-map";
import { codeOf, leaked, type AccessWorld, type Sent } from "@/tests/support/access-world";

// The request of an access-table row in a world, and the three ways an answer is judged: the row's allowed
// answer, the one JSON error shape (leaking nothing of A's), and the product API's RFC 9457 refusal.

/** `ids`: A's by default. */
export function request(pattern: string, method: HttpMethod, call: ApiCall, world: AccessWorld, ids: Ids = world.ids) {
  if (pattern === "/api/auth/:...nextauth") {
    const rest = call.rest ?? "";
    return { method, path: `/api/auth/${rest}`, params: { nextauth: rest.split("/") } };
  }
  const params = Object.fromEntries([...pattern.matchAll(/:(\w+)/g)].map(([, k]) => [k!, (ids as Record<string, string>)[k!]!]));
  return {
    method,
    path: fillPattern(pattern, ids) + (call.query?.(ids) ?? ""),
    params,
    body: call.body?.(ids),
    contentType: call.contentType,
  };
}

export function expectAllowed(r: Sent, call: Pick<ApiCall, "status" | "code">, label: string) {
  expect({ label, status: r.status, code: codeOf(r) }).toEqual({ label, status: call.status, code: call.code });
}

export function expectError(r: Sent, status: number, code: string, world: AccessWorld, label: string) {
  expect({ label, status: r.status, body: r.json }).toEqual({
    label,
    status,
    body: { ok: false, error: { code, message: expect.any(String) } },
  });
  expect({ label, leaked: leaked(r.text, world.secrets) }).toEqual({ label, leaked: [] });
}

/** An RFC 9457 refusal of the product API (lib/api/problem.ts), leaking nothing of A's. */
export function expectProblem(r: Sent, status: number, code: string, world: AccessWorld, label: string) {
  expect({ label, status: r.status, type: r.headers.get("content-type"), body: r.json }).toEqual({
    label,
    status,
    type: "application/problem+json",
    body: { type: "about:blank", title: expect.any(String), status, detail: expect.any(String), code },
  });
  expect({ label, leaked: leaked(r.text, world.secrets) }).toEqual({ label, leaked: [] });
}
