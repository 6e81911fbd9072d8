import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/dashboard/slugify";
import { ownerSlugSchema } from "@/lib/waitlists/schemas";
import { draftFromWaitlist, validateDraft, type SettingsDraft } from "./draft";

// The settings form's client-side validation: the same zod schema as PATCH /api/waitlists/:id, plus the
// text-to-number steps the form adds, each with a message an owner can act on.

const base: SettingsDraft = draftFromWaitlist({
  title: "Launch",
  description: "",
  theme: { primary: "#4f46e5", bg: "#ffffff", text: "#0f172a", font: "system", radius: "soft", logo_url: "", hero_image: "" },
  fields: { name: true, company: false, twitter: false },
  capacity: null,
  referral_boost: 1,
  is_open: true,
  allowed_hosts: [],
});

const withChange = (change: Partial<SettingsDraft>, theme: Partial<SettingsDraft["theme"]> = {}): SettingsDraft => ({
  ...base,
  ...change,
  theme: { ...base.theme, ...theme },
});

describe("validateDraft", () => {
  it("reads allowed sites one per line or comma-separated, lower-cased and de-duplicated, with one message for a bad line", () => {
    const ok = validateDraft(withChange({ allowed_hosts: "Acme.com\n*.acme.dev,  acme.com\n" }));
    expect(ok.errors).toEqual({});
    expect(ok.payload?.allowed_hosts).toEqual(["acme.com", "*.acme.dev"]);
    expect(validateDraft(base).payload?.allowed_hosts).toEqual([]);
    for (const bad of ["https://acme.com", "acme.com/path", "*.", "-acme.com", "<script>"]) {
      expect(validateDraft(withChange({ allowed_hosts: `acme.com\n${bad}` })).errors.allowed_hosts, bad).toMatch(/hostname like example.com/);
    }
  });

  it("turns a valid draft into the PATCH body (empty capacity = no limit)", () => {
    const { payload, errors } = validateDraft(withChange({ capacity: " 250 ", referral_boost: "3" }, { primary: "#E11D48" }));
    expect(errors).toEqual({});
    expect(payload).toMatchObject({ capacity: 250, referral_boost: 3, theme: { primary: "#e11d48" }, fields: { name: true } });
    expect(validateDraft(base).payload).toMatchObject({ capacity: null });
  });

  it.each<[Partial<SettingsDraft>, Partial<SettingsDraft["theme"]>, string, string]>([
    [{ title: "  " }, {}, "title", "Give the waitlist a title."],
    [{ description: "x".repeat(501) }, {}, "description", "At most 500 characters."],
    [{}, { primary: "#12" }, "theme.primary", "Use a hex colour such as #4f46e5"],
    [{}, { bg: "white" }, "theme.bg", "Use a hex colour such as #4f46e5"],
    [{}, { logo_url: "javascript:alert(1)" }, "theme.logo_url", "Use an http(s) URL, or leave it empty"],
    [{ capacity: "ten" }, {}, "capacity", "Capacity is a whole number, or leave it empty for no limit."],
    [{ capacity: "1.5" }, {}, "capacity", "Capacity is a whole number, or leave it empty for no limit."],
    [{ capacity: "0" }, {}, "capacity", "Capacity is at least 1, or empty for no limit."],
    [{ referral_boost: "" }, {}, "referral_boost", "Enter a whole number of places (0 turns the boost off)."],
    [{ referral_boost: "5000" }, {}, "referral_boost", "At most 1000 places."],
  ])("%j %j -> %s", (change, theme, field, message) => {
    const { payload, errors } = validateDraft(withChange(change, theme));
    expect(payload).toBeNull();
    expect(errors[field]).toBe(message);
  });
});

describe("slugify", () => {
  it.each([
    ["Rocket Launch", "rocket-launch"],
    ["  Café Rockets!! ", "cafe-rockets"],
    ["---", ""],
    ["a".repeat(60), "a".repeat(48)],
    [`${"ab-".repeat(16)}cd`, "ab-".repeat(15) + "ab"],
  ])("%j -> %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
    if (slug.length >= 3) expect(ownerSlugSchema.safeParse(slug).success).toBe(true);
  });
});
