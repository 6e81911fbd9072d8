import path from "node:path";
import { EmbedHostPage } from "./pages/embed-host-page";
import { HostedPage, StatusPage } from "./pages/hosted-page";
import { expect, test } from "./fixtures";
import { ARTIFACTS_DIR } from "./run-info";
import { apiSignUp } from "./support/hosted-api";
import { closeTestDb, createWaitlist, referralCountOf, uniqueEmail } from "./support/test-db";
import { hostSiteStorage, landingPageHtml, startEmbedHost } from "./support/embed-host";
import { stubTurnstile } from "./turnstile-stub";
import { SIGNUP_MESSAGES } from "@/components/hosted/signup-errors";
import { iframeEmbedSnippet } from "@/lib/waitlists/embed-snippets";

// The hosted page /w/<slug>, its private status page and the two embeds, in real Chromium against the
// production server. Turnstile's script is the stand-in from turnstile-stub.ts; the server verifies its
// tokens against the fake siteverify. Every test makes its own waitlist.

test.beforeEach(async ({ page }) => {
  await stubTurnstile(page);
});
test.afterAll(closeTestDb);

test.describe("hosted waitlist page", () => {
  test("signs up, shows the place and share link, and keeps them after a reload", async ({ page, run, browserErrors }) => {
    const w = await createWaitlist({ title: "Comet Mail", description: "Email that lands on time." });
    const hosted = new HostedPage(page);
    await hosted.goto(w.slug);

    await expect(page).toHaveTitle("Comet Mail");
    await expect(hosted.heading).toHaveText("Comet Mail");
    expect(await hosted.meta("og:title")).toBe("Comet Mail");
    expect(await hosted.meta("og:description")).toBe("Email that lands on time.");
    expect(await hosted.meta("og:image")).toBe(`${run.baseURL}/w/${w.slug}/og`);
    expect(await hosted.meta("twitter:card")).toBe("summary_large_image");
    await expect(page.getByRole("link", { name: "Powered by WaitForge" })).toBeVisible();

    // Turnstile tells the server which surface a token was solved on: "hosted" here, "embed" in the embeds.
    await expect(page.locator("[data-e2e-turnstile]")).toHaveAttribute("data-e2e-action", "hosted");
    await hosted.signUp(uniqueEmail(), "Ada");
    await expect(hosted.successHeading).toHaveText("You're on the list!");
    await expect(hosted.successHeading).toBeFocused();
    await expect(hosted.position).toContainText("#1");
    const shareUrl = await hosted.shareLink.inputValue();
    expect(shareUrl).toMatch(new RegExp(`^${run.baseURL}/w/${w.slug}\\?ref=[A-Z2-9]{8}$`));
    await expect(page.locator('a[data-share="x"]')).toHaveAttribute("href", new RegExp(encodeURIComponent(shareUrl).replace(/[?]/g, "\\?")));
    await expect(page.locator('a[data-share="email"]')).toHaveAttribute("href", /^mailto:\?subject=/);
    await expect.poll(() => hosted.qrCode.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    await page.reload();
    await expect(hosted.success).toBeVisible();
    await expect(hosted.position).toContainText("#1");
    await expect(hosted.shareLink).toHaveValue(shareUrl);

    // The private status link shows the live place; the page is never indexed.
    const statusHref = await hosted.statusLink.getAttribute("href");
    expect(statusHref).toMatch(new RegExp(`^/w/${w.slug}/status/[A-Za-z0-9_-]{32}$`));
    const status = new StatusPage(page);
    await status.goto(statusHref!);
    await expect(status.position).toHaveText("#1");
    await expect(status.referrals).toHaveText("0");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    expect(browserErrors).toEqual([]);
  });

  test("a friend who joins through the share link moves the referrer up", async ({ page, browser, request, run }) => {
    // The default boost of 1: a first referral moves the referrer past exactly one person (ties go to the
    // referred-up person).
    const w = await createWaitlist({ title: "Relay", referralBoost: 1 });
    await apiSignUp(request, w.slug, { email: uniqueEmail("first") });
    await apiSignUp(request, w.slug, { email: uniqueEmail("second") });

    const referrer = new HostedPage(page);
    await referrer.goto(w.slug);
    await referrer.signUp(uniqueEmail("referrer"));
    await expect(referrer.position).toContainText("#3");
    const shareUrl = await referrer.shareLink.inputValue();
    const code = await referrer.refCode();
    const statusHref = (await referrer.statusLink.getAttribute("href"))!;

    // The friend: another browser profile, arriving through the share link.
    const friendContext = await browser.newContext({ baseURL: run.baseURL });
    const friendPage = await friendContext.newPage();
    await stubTurnstile(friendPage);
    const friend = new HostedPage(friendPage);
    const response = await friendPage.goto(shareUrl);
    expect(response?.status()).toBe(200);
    // The shared link unfurls with the sharer's own card.
    expect(await friend.meta("og:image")).toBe(`${run.baseURL}/w/${w.slug}/og?ref=${code}`);
    await friend.goto(w.slug, { ref: code });
    const posted = friendPage.waitForRequest((r) => r.url().endsWith(`/api/public/${w.slug}/signup`));
    await friend.signUp(uniqueEmail("friend"));
    expect((await posted).postDataJSON()).toMatchObject({ ref: code });
    await expect(friend.position).toContainText("#4");
    await friendContext.close();

    expect(await referralCountOf(w.slug, code)).toBe(1);
    const status = new StatusPage(page);
    await status.goto(statusHref);
    await expect(status.position).toHaveText("#2");
    await expect(status.referrals).toHaveText("1");

    const card = await request.get(`/w/${w.slug}/og?ref=${code}`);
    expect(card.status()).toBe(200);
    expect(card.headers()["content-type"]).toBe("image/png");
  });

  test("an email already on the list gets “you're already in” with its place", async ({ page, request }) => {
    const w = await createWaitlist();
    const email = uniqueEmail("again");
    await apiSignUp(request, w.slug, { email: uniqueEmail() });
    const first = await apiSignUp(request, w.slug, { email });

    const hosted = new HostedPage(page);
    await hosted.goto(w.slug);
    await hosted.signUp(email.toUpperCase());
    await expect(hosted.successHeading).toHaveText("You're already in");
    await expect(hosted.position).toContainText("#2");
    expect(await hosted.refCode()).toBe(first.ref_code);
    await expect(hosted.statusLink).toHaveCount(0);
  });

  test("a full waitlist shows the full state instead of the form, also when it fills while open", async ({ page, request }) => {
    const w = await createWaitlist({ capacity: 1, plan: "PRO" });
    const hosted = new HostedPage(page);
    await hosted.goto(w.slug);

    // Someone takes the last spot while this visitor is typing.
    await apiSignUp(request, w.slug, { email: uniqueEmail() });
    await hosted.signUp(uniqueEmail());
    await expect(hosted.fullNotice).toBeVisible();
    await expect(hosted.form).toHaveCount(0);

    // A fresh load is decided on the server: no form at all.
    await hosted.goto(w.slug, { expect: "full" });
    await expect(hosted.fullNotice).toContainText("This waitlist is full");
    await expect(hosted.email).toHaveCount(0);
  });

  test("renders the owner's theme through CSS variables", async ({ page }) => {
    const theme = { primary: "#e11d48", bg: "#0b1020", text: "#f8fafc", font: "mono", radius: "none" };
    const w = await createWaitlist({ title: "Neon", theme });
    const hosted = new HostedPage(page);
    await hosted.goto(w.slug);

    const shell = page.locator("[data-hosted-page]");
    await expect(shell).toHaveCSS("background-color", "rgb(11, 16, 32)");
    await expect(hosted.heading).toHaveCSS("color", "rgb(248, 250, 252)");
    await expect(hosted.submit).toHaveCSS("background-color", "rgb(225, 29, 72)");
    await expect(hosted.submit).toHaveCSS("border-top-left-radius", "0px");
    await expect(hosted.email).toHaveCSS("border-top-left-radius", "0px");
    expect(await hosted.heading.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/monospace/);
    // The label colour is picked for contrast against the owner's primary.
    await expect(hosted.submit).toHaveCSS("color", "rgb(255, 255, 255)");
  });

  test("maps API errors to inline messages, with a retry for network failures", async ({ page }) => {
    const w = await createWaitlist();
    const hosted = new HostedPage(page);
    await hosted.goto(w.slug);

    await hosted.signUp("not-an-email");
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(hosted.email).toHaveAttribute("aria-invalid", "true");
    await expect(hosted.email).toBeFocused();

    const signupUrl = `**/api/public/${w.slug}/signup`;
    await page.route(signupUrl, (route) =>
      route.fulfill({
        status: 429,
        json: { ok: false, error: { code: "rate_limited", message: "Too many requests" } },
        headers: { "Retry-After": "60" },
      }),
    );
    await hosted.signUp(uniqueEmail());
    await expect(hosted.formError).toContainText("Too many signups from your network");
    await page.unroute(signupUrl);

    await page.route(signupUrl, (route) => route.abort("internetdisconnected"));
    await hosted.submit.click();
    await expect(hosted.formError).toContainText("couldn't reach the server");
    await page.unroute(signupUrl);
    await hosted.formError.getByRole("button", { name: "Try again" }).click();
    await expect(hosted.success).toBeVisible();
    await expect(hosted.position).toContainText("#1");
  });

  test("a refused captcha asks for the human check again", async ({ page }) => {
    await page.unrouteAll();
    await stubTurnstile(page, { tokenPrefix: "fail" });
    const w = await createWaitlist();
    const hosted = new HostedPage(page);
    await hosted.goto(w.slug);
    await hosted.signUp(uniqueEmail());
    await expect(hosted.formError).toContainText("The human check failed or expired");
    await expect(hosted.success).toHaveCount(0);
  });

  test("signs up with the keyboard alone", async ({ page }) => {
    const w = await createWaitlist({ fieldName: true, fieldCompany: true });
    const hosted = new HostedPage(page);
    await hosted.goto(w.slug);

    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("name") ?? document.activeElement?.tagName);
    for (let i = 0; i < 10 && (await focused()) !== "email"; i++) await page.keyboard.press("Tab");
    expect(await focused()).toBe("email");
    await page.keyboard.type(uniqueEmail("keys"));
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("name");
    await page.keyboard.type("Grace");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("company");
    await page.keyboard.type("Navy");
    await page.keyboard.press("Tab");
    // The honeypot is skipped: next stop is the submit button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Join the waitlist");
    await page.keyboard.press("Enter");

    await expect(hosted.successHeading).toBeFocused();
    await expect(hosted.position).toContainText("#1");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("wf-share-url");
  });

  test("an unknown waitlist or status token is a real 404", async ({ page }) => {
    expect((await page.goto("/w/no-such-waitlist-here"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page isn't on the list");
    const w = await createWaitlist();
    expect((await page.goto(`/w/${w.slug}/status/${"x".repeat(32)}`))?.status()).toBe(404);
  });

  test("screenshots at phone and desktop widths", async ({ page, request }) => {
    await page.route("https://images.example.test/**", (route) =>
      route.fulfill({ contentType: "image/svg+xml", body: HERO_SVG }),
    );
    const light = await createWaitlist({
      title: "Acme AI",
      description: "The research assistant that reads every paper so you don't have to. Early access opens in March.",
      theme: { primary: "#4f46e5", bg: "#ffffff", text: "#0f172a", font: "inter", radius: "soft" },
    });
    const dark = await createWaitlist({
      title: "Night Owl",
      description: "A calmer inbox for people who work late. Be first in line when we open the doors.",
      theme: {
        primary: "#f59e0b",
        bg: "#0b1020",
        text: "#e2e8f0",
        font: "fraunces",
        radius: "round",
        hero_image: "https://images.example.test/hero.svg",
      },
      fieldName: true, fieldCompany: true,
    });
    for (let i = 0; i < 12; i++) await apiSignUp(request, light.slug, { email: uniqueEmail("crowd") });

    const hosted = new HostedPage(page);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
      for (const [name, w] of [["light", light], ["dark", dark]] as const) {
        await page.evaluate(() => localStorage.clear()).catch(() => undefined);
        await hosted.goto(w.slug);
        await page.screenshot({ path: path.join(ARTIFACTS_DIR, `hosted-${name}-${width}.png`), fullPage: true });
        await hosted.signUp(uniqueEmail("shot"), "Sam");
        await expect(hosted.success).toBeVisible();
        await expect.poll(() => hosted.qrCode.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
        await page.screenshot({ path: path.join(ARTIFACTS_DIR, `hosted-${name}-${width}-success.png`), fullPage: true });
      }
    }
  });
});

test.describe("embeds", () => {
  test("the script embed works on a plain page of another origin and carries its ?ref=", async ({ page, request, run }) => {
    const w = await createWaitlist({ title: "Rocket", theme: { primary: "#059669" } });
    const referrer = await apiSignUp(request, w.slug, { email: uniqueEmail("ref") });
    const host = await startEmbedHost({
      "/": landingPageHtml(`<script src="${run.baseURL}/embed.js" data-waitlist="${w.slug}" async></script>`),
    });
    try {
      const embed = new EmbedHostPage(page);
      await page.goto(`${host.origin}/?ref=${referrer.ref_code}`);
      await expect(embed.email).toBeVisible();
      // The host page's `input { all: unset; color: red }` does not reach inside the shadow root.
      await expect(embed.submit).toHaveCSS("background-color", "rgb(5, 150, 105)");
      await expect(embed.email).not.toHaveCSS("color", "rgb(255, 0, 0)");
      await expect(embed.captcha).toHaveAttribute("data-e2e-action", "embed");

      await embed.email.fill(uniqueEmail("embedded"));
      await embed.submit.click();
      await expect(embed.heading).toHaveText("You're on the list!");
      await expect(embed.position).toHaveText("#2");
      const shareUrl = await embed.shareLink.inputValue();
      expect(shareUrl).toMatch(new RegExp(`^${host.origin}/\\?ref=[A-Z2-9]{8}$`));
      await expect(embed.statusLink).toHaveAttribute("href", new RegExp(`^${run.baseURL}/w/${w.slug}/status/`));
      expect(await referralCountOf(w.slug, referrer.ref_code)).toBe(1);

      // Reload: the embed remembers (localStorage of the host page's origin).
      await page.reload();
      await expect(embed.position).toHaveText("#2");
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "embed-script-1280.png") });
    } finally {
      await host.close();
    }
  });

  test("the script embed shows the status link once and never keeps its token on the host site", async ({ page, run }) => {
    const w = await createWaitlist({ title: "Vault" });
    const host = await startEmbedHost({
      "/": landingPageHtml(`<script src="${run.baseURL}/embed.js" data-waitlist="${w.slug}" async></script>`),
    });
    try {
      const embed = new EmbedHostPage(page);
      await page.goto(host.origin);
      await embed.email.fill(uniqueEmail("vault"));
      const answered = page.waitForResponse((r) => r.url().endsWith(`/api/public/${w.slug}/signup`));
      await embed.submit.click();
      const token = ((await (await answered).json()) as { status_token?: string }).status_token ?? "";
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      await expect(embed.heading).toHaveText("You're on the list!");

      // Shown right after signing up, opening in a new tab that learns nothing about the host page.
      await expect(embed.statusLink).toHaveAttribute("href", `${run.baseURL}/w/${w.slug}/status/${token}`);
      await expect(embed.statusLink).toHaveAttribute("target", "_blank");
      await expect(embed.statusLink).toHaveAttribute("rel", "noopener noreferrer");
      // Any script of the host site can read its storage: the secret must not be there.
      expect(await hostSiteStorage(page)).not.toContain(token);

      const popup = page.waitForEvent("popup");
      await embed.statusLink.click();
      const statusTab = await popup;
      await expect(new StatusPage(statusTab).position).toHaveText("#1");
      expect(await statusTab.evaluate(() => [document.referrer, window.opener === null])).toEqual(["", true]);
      await statusTab.close();

      // A later visit still knows the visitor is in, without the secret.
      await page.reload();
      await expect(embed.heading).toHaveText("You're already in");
      await expect(embed.position).toHaveText("#1");
      await expect(embed.statusLink).toHaveCount(0);
      expect(await hostSiteStorage(page)).not.toContain(token);
    } finally {
      await host.close();
    }
  });

  test("a status token an earlier embed left on the host site is removed; “not you?” forgets the signup", async ({ page, request, run }) => {
    const w = await createWaitlist();
    const earlier = await apiSignUp(request, w.slug, { email: uniqueEmail("earlier") });
    const token = earlier.status_token ?? "";
    expect(token).not.toBe("");
    const host = await startEmbedHost({
      "/": landingPageHtml(`<script src="${run.baseURL}/embed.js" data-waitlist="${w.slug}" async></script>`),
      "/about": landingPageHtml(""),
    });
    try {
      // What versions before this one stored: the API's answer, status token included.
      await page.goto(`${host.origin}/about`);
      const entry = { position: 1, refCode: earlier.ref_code, statusToken: token, duplicate: false };
      const seed = { key: `waitforge:signup:${w.slug}`, value: JSON.stringify(entry) };
      await page.evaluate(({ key, value }) => localStorage.setItem(key, value), seed);
      expect(await hostSiteStorage(page)).toContain(token);

      const embed = new EmbedHostPage(page);
      await page.goto(host.origin);
      await expect(embed.heading).toHaveText("You're already in");
      await expect(embed.position).toHaveText("#1");
      await expect(embed.shareLink).toHaveValue(`${host.origin}/?ref=${earlier.ref_code}`);
      await expect(embed.statusLink).toHaveCount(0);
      const stored = await hostSiteStorage(page);
      expect(stored).not.toContain(token);
      expect(stored).toContain(earlier.ref_code);

      await embed.signUpAgain.click();
      await expect(embed.email).toBeVisible();
      expect(await hostSiteStorage(page)).not.toContain(earlier.ref_code);
    } finally {
      await host.close();
    }
  });

  test("the script embed speaks the hosted form's messages, retries a captcha that failed to load, and stops when full", async ({ page, run }) => {
    const w = await createWaitlist();
    const host = await startEmbedHost({
      "/": landingPageHtml(`<script src="${run.baseURL}/embed.js" data-waitlist="${w.slug}" async></script>`),
    });
    try {
      // Cloudflare's script blocked (a content blocker, a flaky network): say so, and offer to try again.
      await page.unrouteAll();
      await page.route("https://challenges.cloudflare.com/**", (route) => route.abort("blockedbyclient"));
      const embed = new EmbedHostPage(page);
      await page.goto(host.origin);
      const alert = embed.widget.getByRole("alert");
      await expect(alert).toContainText(SIGNUP_MESSAGES.captcha_unavailable);
      await page.unrouteAll();
      await stubTurnstile(page);
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect(embed.captcha).toHaveAttribute("data-e2e-action", "embed");

      await embed.email.fill("not-an-email");
      await embed.submit.click();
      await expect(alert).toHaveText(SIGNUP_MESSAGES.invalid_email);
      await expect(embed.email).toHaveAttribute("aria-invalid", "true");
      await expect(embed.email).toBeFocused();

      // The list fills while the visitor types: the form gives way to the message, as on the hosted page.
      await page.route(`**/api/public/${w.slug}/signup`, (route) =>
        route.fulfill({ status: 403, json: { ok: false, error: { code: "waitlist_full", message: "Full" } } }),
      );
      await embed.email.fill(uniqueEmail("late"));
      await embed.submit.click();
      await expect(alert).toHaveText(SIGNUP_MESSAGES.waitlist_full);
      await expect(embed.email).toHaveCount(0);
    } finally {
      await host.close();
    }
  });

  test("the iframe embed may be framed by other sites, resizes itself, and other pages may not be framed", async ({ page, request, run }) => {
    const w = await createWaitlist({ title: "Framed" });
    const embedRes = await request.get(`/w/${w.slug}/embed`);
    expect(embedRes.status()).toBe(200);
    expect(embedRes.headers()["content-security-policy"] ?? "").toContain("frame-ancestors *");
    expect(embedRes.headers()["content-security-policy"] ?? "").not.toContain("frame-ancestors 'self'");
    expect(embedRes.headers()["x-frame-options"]).toBeUndefined();
    const pageRes = await request.get(`/w/${w.slug}`);
    expect(pageRes.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(pageRes.headers()["x-frame-options"]).toBe("SAMEORIGIN");

    const host = await startEmbedHost({ "/": landingPageHtml(iframeEmbedSnippet(run.baseURL, w.slug)) });
    try {
      await page.goto(host.origin);
      const iframe = page.locator("iframe");
      // The snippet starts at 420px; the page inside reports its real height.
      await expect.poll(async () => (await iframe.boundingBox())?.height ?? 0).not.toBe(420);
      const frame = page.frameLocator("iframe");
      await frame.getByLabel("Email").fill(uniqueEmail("framed"));
      await frame.getByRole("button", { name: "Join the waitlist" }).click();
      await expect(frame.getByTestId("signup-position")).toContainText("#1");
      const inner = await frame.locator("[data-frame-content]").boundingBox();
      await expect.poll(async () => Math.abs(((await iframe.boundingBox())?.height ?? 0) - (inner?.height ?? 0))).toBeLessThan(40);
    } finally {
      await host.close();
    }
  });
});

const HERO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1e1b4b"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
<rect width="800" height="600" fill="url(#g)"/><circle cx="560" cy="220" r="120" fill="#fde68a" opacity="0.85"/>
<g fill="#0b1020" opacity="0.55"><rect x="80" y="380" width="640" height="24" rx="12"/><rect x="80" y="424" width="480" height="24" rx="12"/><rect x="80" y="468" width="320" height="24" rx="12"/></g></svg>`;
