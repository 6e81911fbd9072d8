import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import type { RunInfo } from "../run-info";
import { ownerApi, type CreatedWaitlist, type OwnerSession } from "./owner-session";
import { DESCRIPTION, HERO_URL, LOGO_URL, PAYLOADS, TITLE } from "./xss";

// The hostile waitlist of the XSS suite, put in the way an attacker would: owner text through the owner API,
// signups through the public API. What the schemas refuse is asserted as refused (400, the field named).

export type HostileSignup = { email: string; name: string; company: string; refCode: string; statusToken: string };

const NUL = "\u0000";

/** Bodies the owner API must refuse, with the field its 400 names (undefined: the body as a whole). */
const REFUSED_PATCHES: [Record<string, unknown>, string | undefined][] = [
  [{ theme: { primary: `red;}${PAYLOADS.style}` } }, "theme.primary"],
  [{ theme: { bg: "#fff;background:url(javascript:alert(1))" } }, "theme.bg"],
  [{ theme: { text: "expression(alert(1))" } }, "theme.text"],
  [{ theme: { font: PAYLOADS.img } }, "theme.font"],
  [{ theme: { radius: "</style>" } }, "theme.radius"],
  [{ theme: { logo_url: PAYLOADS.jsUrl } }, "theme.logo_url"],
  [{ theme: { logo_url: " JaVaScRiPt:alert(1)" } }, "theme.logo_url"],
  [{ theme: { logo_url: "data:image/svg+xml,<svg onload=alert(1)>" } }, "theme.logo_url"],
  [{ theme: { hero_image: `https://xss.invalid/${PAYLOADS.img}` } }, "theme.hero_image"],
  [{ theme: { hero_image: `https://xss.invalid/a.png${NUL}` } }, "theme.hero_image"],
  [{ fields: { name: PAYLOADS.script } }, "fields.name"],
  [{ capacity: PAYLOADS.script }, "capacity"],
  [{ referral_boost: "{{7*7}}" }, "referral_boost"],
  [{ is_open: PAYLOADS.jsUrl }, "is_open"],
  [{ title: `a${NUL}b` }, "title"],
  [{ onload: PAYLOADS.script }, undefined],
];

export async function createHostileWaitlist(owner: OwnerSession, run: RunInfo, slug: string): Promise<CreatedWaitlist> {
  const api = ownerApi(owner, run);
  const badSlug = await api.post("/api/waitlists", { slug: PAYLOADS.script, title: "x" });
  await expectRefused(badSlug, "slug");

  const created = await api.post("/api/waitlists", { slug, title: TITLE, description: DESCRIPTION });
  expect(created.status(), await created.text()).toBe(201);
  const waitlist = ((await created.json()) as { waitlist: CreatedWaitlist }).waitlist;
  // Stored and answered byte for byte: no server-side mangling that a renderer would then have to undo.
  expect({ title: waitlist.title, description: waitlist.description }).toEqual({ title: TITLE, description: DESCRIPTION });

  const path = `/api/waitlists/${waitlist.id}`;
  const themed = await api.patch(path, { theme: { logo_url: LOGO_URL, hero_image: HERO_URL }, fields: { name: true, company: true, twitter: true } });
  expect(themed.status(), await themed.text()).toBe(200);

  for (const [body, field] of REFUSED_PATCHES) await expectRefused(await api.patch(path, body), field, body);
  const after = (await (await api.get(path)).json()) as { waitlist: { title: string; theme: Record<string, string>; capacity: unknown; is_open: boolean } };
  expect(after.waitlist).toMatchObject({
    title: TITLE,
    theme: { primary: "#4f46e5", bg: "#ffffff", text: "#0f172a", font: "system", radius: "soft", logo_url: LOGO_URL, hero_image: HERO_URL },
    capacity: null,
    is_open: true,
  });
  return waitlist;
}

async function expectRefused(res: { status(): number; json(): Promise<unknown> }, field: string | undefined, body?: unknown) {
  const json = (await res.json()) as { error?: { code?: string; field?: string } };
  expect({ body, status: res.status(), code: json.error?.code, field: json.error?.field }).toEqual({ body, status: 400, code: "invalid_input", field });
}

const token = () => `e2e-pass-xss-${randomBytes(6).toString("hex")}`;

export async function hostileSignups(request: APIRequestContext, slug: string, sfx: string): Promise<HostileSignup[]> {
  const post = (data: Record<string, unknown>) => request.post(`/api/public/${slug}/signup`, { data: { ...data, turnstile: token() } });

  // Refused by the signup schema: handles are [A-Za-z0-9_], emails have no brackets or quotes, no NUL anywhere.
  for (const [data, code, field] of [
    [{ twitter: PAYLOADS.script }, "invalid_input", "twitter"],
    [{ twitter: PAYLOADS.jsUrl }, "invalid_input", "twitter"],
    [{ name: `x${NUL}y` }, "invalid_input", "name"],
    [{ email: `"<script>"@example.com` }, "invalid_email", "email"],
  ] as const) {
    const res = await post({ email: `refused-${sfx}@example.com`, ...data });
    const json = (await res.json()) as { error?: { code?: string; field?: string } };
    expect({ data, status: res.status(), code: json.error?.code }).toEqual({ data, status: 400, code });
    if (json.error?.field) expect(json.error.field).toBe(field);
  }

  const people = [
    { email: `o'hara+${sfx}@example.com`, name: `${PAYLOADS.script}${PAYLOADS.img}`, company: `=HYPERLINK("javascript:alert(1)","x")` },
    { email: `-${sfx}'x@example.com`, name: `@SUM(1+1)*cmd|' /C calc'!A0`, company: `+1${PAYLOADS.style}` },
    { email: `+${sfx}@example.com`, name: PAYLOADS.unicode, company: `-2+3 ${PAYLOADS.template}` },
  ];
  const out: HostileSignup[] = [];
  for (const [i, p] of people.entries()) {
    // The second joins through the first one's code (a top referrer with a hostile name); the third with a
    // hostile ref, which is ignored.
    const ref = i === 1 ? out[0]!.refCode : i === 2 ? PAYLOADS.img : undefined;
    const res = await post({ ...p, ref });
    const json = (await res.json()) as { ok: boolean; ref_code: string; status_token: string };
    expect(res.status(), JSON.stringify(json)).toBe(200);
    out.push({ ...p, refCode: json.ref_code, statusToken: json.status_token });
  }
  return out;
}
