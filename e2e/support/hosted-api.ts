import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";

// Setting the scene through the public API, as another visitor's browser would: the fake siteverify accepts
// each "e2e-pass-…" token once.

export type ApiSignup = { ok: true; position: number; ref_code: string; share_path?: string; status_token?: string; duplicate?: boolean; status?: string };

export async function apiSignUp(
  request: APIRequestContext,
  slug: string,
  body: { email: string; name?: string; ref?: string },
): Promise<ApiSignup> {
  const res = await request.post(`/api/public/${slug}/signup`, {
    data: { ...body, turnstile: `e2e-pass-api-${randomBytes(6).toString("hex")}` },
  });
  const json = (await res.json()) as ApiSignup;
  if (res.status() !== 200 || !json.ok) throw new Error(`API signup answered ${res.status()}: ${JSON.stringify(json)}`);
  return json;
}
