import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { HostedPage } from "./pages/hosted-page";
import { apiSignUp } from "./support/hosted-api";
import { createWaitlist, ownerApi, signedInOwner, type OwnerSession } from "./support/owner-session";
import { stubTurnstile } from "./turnstile-stub";

// The hosted page /w/<slug> from Next's cache (ISR): one cached copy per slug and per shared ref code, served
// without rendering; an owner's edit (title, open/closed) shows on the very next request; a shared ?ref= link
// still unfurls with the sharer's own card and carries the code into the form.

const sfx = randomBytes(4).toString("hex");
const metaOf = (html: string, property: string) =>
  new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1]?.replaceAll("&amp;", "&");

let owner: OwnerSession;

test.describe.serial("the hosted page from cache", () => {
  test.beforeAll(async ({ browser, run }) => {
    owner = await signedInOwner(browser, run, `cache-owner-${sfx}@example.com`);
  });
  test.afterAll(async () => owner?.context.close());

  test("is one cached copy, and the owner's edits and the open/closed toggle show on the next request", async ({ request, run }) => {
    const w = await createWaitlist(owner, run, { slug: `cached-${sfx}`, title: "Before the edit" });
    const first = await request.get(`/w/${w.slug}`);
    expect(first.status()).toBe(200);
    const second = await request.get(`/w/${w.slug}`);
    expect(second.headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);
    expect(await second.text()).toContain("Before the edit");

    const api = ownerApi(owner, run);
    expect((await api.patch(`/api/waitlists/${w.id}`, { title: "After the edit" })).status()).toBe(200);
    const edited = await (await request.get(`/w/${w.slug}`)).text();
    expect(edited).toContain("After the edit");
    expect(edited).not.toContain("Before the edit");

    expect((await api.patch(`/api/waitlists/${w.id}`, { is_open: false })).status()).toBe(200);
    const closed = await (await request.get(`/w/${w.slug}`)).text();
    expect(closed).toContain('data-testid="waitlist-closed"');
    expect(closed).not.toContain("<form");
    expect((await api.patch(`/api/waitlists/${w.id}`, { is_open: true })).status()).toBe(200);
    expect(await (await request.get(`/w/${w.slug}`)).text()).toContain("<form");
  });

  test("a shared ?ref= link is a cached page of its own with the sharer's card and code; a malformed one is the plain page", async ({ page, request, run }) => {
    const w = await createWaitlist(owner, run, { slug: `shared-${sfx}`, title: "Shared" });
    const sharer = await apiSignUp(request, w.slug, { email: `sharer-${sfx}@example.com` });
    const code = sharer.ref_code;

    for (const url of [`/w/${w.slug}?ref=${code}`, `/w/${w.slug}?ref=${code.toLowerCase()}&utm_source=x`]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(200);
      expect(metaOf(await res.text(), "og:image"), url).toBe(`${run.baseURL}/w/${w.slug}/og?ref=${code}`);
    }
    expect((await request.get(`/w/${w.slug}?ref=${code}`)).headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);
    for (const bad of ["nope", "<img src=x>", `${code}X`]) {
      const res = await request.get(`/w/${w.slug}?ref=${encodeURIComponent(bad)}`);
      expect(metaOf(await res.text(), "og:image"), bad).toBe(`${run.baseURL}/w/${w.slug}/og`);
    }
    // The rewrite's target is no second public address for anything but a well-formed code.
    expect((await request.get(`/w/${w.slug}/r/not-a-code`)).status()).toBe(404);

    // The visitor's address bar keeps the shared URL, and the form sends the sharer's code.
    await stubTurnstile(page);
    const friend = new HostedPage(page);
    await friend.goto(w.slug, { ref: code });
    expect(new URL(page.url()).search).toBe(`?ref=${code}`);
    const posted = page.waitForRequest((r) => r.url().endsWith(`/api/public/${w.slug}/signup`));
    await friend.signUp(`friend-${sfx}@example.com`);
    expect((await posted).postDataJSON()).toMatchObject({ ref: code });
    await expect(friend.position).toContainText("#2");
  });
});
