import { describe, expect, it } from "vitest";
import {
  captchaThemeOn,
  checkThemeContrast,
  contrastRatio,
  contrastWarnings,
  formatRatio,
  meetsAA,
  parseHex,
  readableTextOn,
  relativeLuminance,
} from "@/lib/waitlists/contrast";

describe("parseHex", () => {
  it("reads 3- and 6-digit hex in any case", () => {
    expect(parseHex("#fff")).toEqual({ r: 255, g: 255, b: 255 });
    expect(parseHex("#4F46E5")).toEqual({ r: 0x4f, g: 0x46, b: 0xe5 });
    expect(parseHex("#0a0")).toEqual({ r: 0, g: 0xaa, b: 0 });
  });

  it("refuses anything that is not a hex colour", () => {
    for (const bad of ["", "fff", "#ffff", "#gggggg", "red", "rgb(0,0,0)", "#fff;background:url(x)"]) {
      expect(parseHex(bad)).toBeNull();
    }
  });
});

describe("contrastRatio", () => {
  it("matches the WCAG reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // Published reference pairs (WebAIM contrast checker).
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#4f46e5", "#ffffff")).toBeCloseTo(6.29, 1);
  });

  it("is symmetric and treats 3-digit hex like its 6-digit form", () => {
    expect(contrastRatio("#0f172a", "#f8fafc")).toBeCloseTo(contrastRatio("#f8fafc", "#0f172a"), 10);
    expect(contrastRatio("#abc", "#123")).toBeCloseTo(contrastRatio("#aabbcc", "#112233"), 10);
  });

  it("is NaN for invalid input rather than a misleading number", () => {
    expect(contrastRatio("nope", "#fff")).toBeNaN();
  });

  it("computes luminance at the ends of the scale", () => {
    expect(relativeLuminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(relativeLuminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1, 10);
  });
});

describe("AA checks", () => {
  it("applies 4.5:1 to body text and 3:1 to large text", () => {
    expect(meetsAA("#767676", "#ffffff")).toBe(true);
    expect(meetsAA("#777777", "#ffffff")).toBe(false);
    expect(meetsAA("#949494", "#ffffff", "large")).toBe(true);
    expect(meetsAA("#aaaaaa", "#ffffff", "large")).toBe(false);
  });

  it("picks the more readable label colour for a button", () => {
    expect(readableTextOn("#4f46e5")).toBe("#ffffff");
    expect(readableTextOn("#fde047")).toBe("#0b0b0f");
  });

  it("passes the default theme and flags a pale one", () => {
    expect(contrastWarnings({ primary: "#4f46e5", bg: "#ffffff", text: "#0f172a" })).toEqual([]);
    const warnings = contrastWarnings({ primary: "#fef08a", bg: "#ffffff", text: "#cbd5e1" });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^Text on background: contrast 1\.\d\d:1, WCAG AA needs at least 4\.5:1\.$/);
    expect(warnings[1]).toMatch(/^Primary colour on background/);
  });

  it("skips pairs whose colours are half-typed drafts", () => {
    const checks = checkThemeContrast({ primary: "#4f4", bg: "#ffffff", text: "#0f17" });
    expect(checks.map((c) => c.id)).toEqual(["button-label", "primary-on-bg"]);
  });

  it("rounds ratios down so a near miss never reads as a pass", () => {
    expect(formatRatio(4.4999)).toBe("4.49:1");
    expect(formatRatio(21)).toBe("21.00:1");
  });
});

describe("captchaThemeOn", () => {
  it("picks Turnstile's dark look on dark backgrounds and light otherwise (also for a bad value)", () => {
    expect(captchaThemeOn("#0b1020")).toBe("dark");
    expect(captchaThemeOn("#ffffff")).toBe("light");
    expect(captchaThemeOn("#fde68a")).toBe("light");
    expect(captchaThemeOn("not-a-colour")).toBe("light");
  });
});
