import { describe, expect, it } from "vitest";
import { resolveTheme, safeImageUrl } from "@/lib/waitlists/theme-draft";
import { DEFAULT_THEME } from "@/lib/waitlists/schemas";

// What may reach CSS and <img> from an owner's (possibly half-typed) theme.

describe("resolveTheme", () => {
  it("keeps valid values, lower-casing colours", () => {
    expect(resolveTheme({ primary: "#E11D48", bg: "#000", text: "#ffffff", font: "fraunces", radius: "round" })).toEqual({
      primary: "#e11d48",
      bg: "#000",
      text: "#ffffff",
      font: "fraunces",
      radius: "round",
    });
  });

  it("falls back to the default for anything that is not a hex colour or a known option", () => {
    const hostile = {
      primary: "red;background:url(https://evil.example/x)",
      bg: "#fff}body{display:none",
      text: 42,
      font: "Comic Sans MS",
      radius: "var(--x)",
    };
    expect(resolveTheme(hostile)).toEqual({
      primary: DEFAULT_THEME.primary,
      bg: DEFAULT_THEME.bg,
      text: DEFAULT_THEME.text,
      font: DEFAULT_THEME.font,
      radius: DEFAULT_THEME.radius,
    });
    expect(resolveTheme({ primary: "#4f4" }).primary).toBe("#4f4");
    expect(resolveTheme({ primary: "#4f46" }).primary).toBe(DEFAULT_THEME.primary);
  });
});

describe("safeImageUrl", () => {
  it("accepts http(s) URLs only", () => {
    expect(safeImageUrl("https://cdn.example.com/logo.png")).toBe("https://cdn.example.com/logo.png");
    expect(safeImageUrl("http://example.com/a b.png")).toBeNull();
    for (const bad of ["", "javascript:alert(1)", "data:image/svg+xml,<svg/>", "//evil.example/x.png", 'https://x.example/"onerror="x', null]) {
      expect(safeImageUrl(bad)).toBeNull();
    }
  });
});
