import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createWaitlist, uniqueSlug } from "@/tests/support/fixtures";
import { getConfig, preflightConfig } from "@/tests/support/public-api";
import { getPublicWaitlist, invalidatePublicWaitlist } from "@/lib/waitlists/public";

beforeAll(() => {
  Object.assign(process.env, { TURNSTILE_SITE_KEY: "0x4AAAAAAAtest", CONFIG_CACHE_MS: "30000" });
  resetEnvCache();
});
afterAll(closeDb);

describe("GET /api/public/:slug/config", () => {
  it("answers exactly the documented shape with edge-cache headers", async () => {
    const w = await createWaitlist({
      title: "Acme AI",
      description: "Be the first to know.",
      theme: { primary: "#4F46E5", radius: "round", logo_url: "https://acme.test/logo.png", junk: "<script>" },
      fieldCompany: true,
    });
    const r = await getConfig(w.slug);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      title: "Acme AI",
      description: "Be the first to know.",
      theme: {
        primary: "#4f46e5",
        bg: "#ffffff",
        text: "#0f172a",
        font: "system",
        radius: "round",
        logo_url: "https://acme.test/logo.png",
        hero_image: "",
      },
      fields: { name: true, company: true, twitter: false },
      branding: true,
      turnstile_site_key: "0x4AAAAAAAtest",
    });
    expect(r.res.headers.get("cache-control")).toMatch(/public.*s-maxage=60.*stale-while-revalidate=\d+/);
    expect(r.res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("falls back to defaults for stored theme values that are not valid (never echoes them)", async () => {
    const w = await createWaitlist({ theme: { primary: "red; background:url(x)", hero_image: "javascript:alert(1)" } });
    const theme = (await getConfig(w.slug)).json.theme as Record<string, string>;
    expect(theme.primary).toBe("#4f46e5");
    expect(theme.hero_image).toBe("");
  });

  it("shows branding: false for Pro waitlists", async () => {
    const w = await createWaitlist({ plan: "PRO" });
    expect((await getConfig(w.slug)).json.branding).toBe(false);
  });

  it("serves repeated reads from the in-process cache and shows an edit once invalidated", async () => {
    const w = await createWaitlist({ title: "Before" });
    expect((await getConfig(w.slug)).json.title).toBe("Before");
    await db().waitlist.update({ where: { id: w.id }, data: { title: "After" } });
    expect((await getConfig(w.slug)).json.title).toBe("Before");
    invalidatePublicWaitlist(w.slug);
    expect((await getConfig(w.slug)).json.title).toBe("After");
  });

  it("finds a waitlist whatever the case of the slug (the hosted page reads it this way too)", async () => {
    const w = await createWaitlist({ title: "Cased" });
    expect((await getPublicWaitlist(w.slug.toUpperCase()))?.title).toBe("Cased");
    expect((await getConfig(w.slug.toUpperCase())).json.title).toBe("Cased");
  });

  it("404s with the error shape for an unknown slug", async () => {
    const r = await getConfig(uniqueSlug("nope"));
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("answers the CORS preflight", () => {
    const res = preflightConfig();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
  });
});
