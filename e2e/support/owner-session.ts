import type { APIResponse, Browser, BrowserContext, Page } from "@playwright/test";
import { SignInPage } from "../pages/sign-in-page";
import type { RunInfo } from "../run-info";

// An owner signed in the real way (magic link through the fake Resend) in a browser context of its own, and
// the owner API called with that context's cookies, as the dashboard's own fetches call it.

export type OwnerSession = { email: string; context: BrowserContext; page: Page };

export async function signedInOwner(browser: Browser, run: RunInfo, email: string, callbackPath?: string): Promise<OwnerSession> {
  const context = await browser.newContext({ baseURL: run.baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto(callbackPath ? `?callbackUrl=${encodeURIComponent(callbackPath)}` : "");
  await signIn.signIn(email, run.resendUrl, callbackPath ? new RegExp(`${escapeRegExp(callbackPath)}$`) : undefined);
  return { email, context, page };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A call to /api/waitlists/** with the session's cookies and our own Origin (writes need it). */
export function ownerApi(session: OwnerSession, run: RunInfo) {
  const headers = { origin: run.baseURL };
  const request = session.context.request;
  return {
    get: (path: string): Promise<APIResponse> => request.get(path),
    post: (path: string, data: unknown): Promise<APIResponse> => request.post(path, { headers, data }),
    patch: (path: string, data: unknown): Promise<APIResponse> => request.patch(path, { headers, data }),
  };
}

export type CreatedWaitlist = { id: string; slug: string; title: string; description: string };

export async function createWaitlist(session: OwnerSession, run: RunInfo, body: { slug: string; title: string; description?: string }): Promise<CreatedWaitlist> {
  const res = await ownerApi(session, run).post("/api/waitlists", body);
  const json = (await res.json()) as { ok: boolean; waitlist?: CreatedWaitlist };
  if (res.status() !== 201 || !json.waitlist) throw new Error(`create waitlist answered ${res.status()}: ${JSON.stringify(json)}`);
  return json.waitlist;
}
