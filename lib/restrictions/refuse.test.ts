import { describe, expect, it } from "vitest";
import { countryFrom, findRefusal } from "@/lib/restrictions/refuse";
import { NO_RESTRICTIONS, restrictionsPatchSchema, type Restrictions } from "@/lib/restrictions/schemas";

const disposable = (domain: string) => domain === "mailinator.com" || domain.endsWith(".mailinator.com");
const rules = (extra: Partial<Restrictions>): Restrictions => ({ ...NO_RESTRICTIONS, ...extra });
const refuse = (r: Partial<Restrictions>, input: Parameters<typeof findRefusal>[1], country?: string | null) =>
  findRefusal(rules(r), input, country, disposable)?.rule ?? null;

describe("findRefusal", () => {
  it("lets everything through with no restrictions", () => {
    expect(refuse({}, { email: "ann+2@mailinator.com", name: "cheap" }, "KP")).toBeNull();
  });

  it("restricted mode admits only the allowlist", () => {
    const r = { restricted: true, allowlist: ["acme.com", "*.acme.dev", "guest@example.com"] };
    expect(refuse(r, { email: "ann@acme.com" })).toBeNull();
    expect(refuse(r, { email: "ann@eu.acme.dev" })).toBeNull();
    expect(refuse(r, { email: "guest@example.com" })).toBeNull();
    expect(refuse(r, { email: "ann@example.com" })).toBe("allowlist");
    expect(refuse({ restricted: true }, { email: "ann@acme.com" })).toBe("allowlist");
    // The allowlist alone does nothing while the list is public.
    expect(refuse({ allowlist: ["acme.com"] }, { email: "ann@example.com" })).toBeNull();
  });

  it("refuses blocklisted domains and addresses", () => {
    const r = { blocklist: ["spam.example", "troll@example.com"] };
    expect(refuse(r, { email: "x@SPAM.example" })).toBe("blocklist");
    expect(refuse(r, { email: "troll+1@example.com" })).toBe("blocklist");
    expect(refuse(r, { email: "ann@example.com" })).toBeNull();
  });

  it("refuses disposable domains and their subdomains when on", () => {
    expect(refuse({ blockDisposable: true }, { email: "x@mailinator.com" })).toBe("disposable");
    expect(refuse({ blockDisposable: true }, { email: "x@a.mailinator.com" })).toBe("disposable");
    expect(refuse({ blockDisposable: false }, { email: "x@mailinator.com" })).toBeNull();
  });

  it("refuses +tags when on", () => {
    expect(refuse({ blockSubaddresses: true }, { email: "ann+2@example.com" })).toBe("subaddress");
    expect(refuse({ blockSubaddresses: true }, { email: "ann@example.com" })).toBeNull();
    expect(refuse({ blockSubaddresses: false }, { email: "ann+2@example.com" })).toBeNull();
  });

  it("finds banned keywords in every text field and names it", () => {
    const r = rules({ bannedKeywords: ["cheap"] });
    expect(findRefusal(r, { email: "cheapdeals@example.com" }, undefined, disposable)).toEqual({ rule: "keyword", field: "email" });
    expect(findRefusal(r, { email: "a@example.com", name: "Cheap Ann" }, undefined, disposable)).toEqual({ rule: "keyword", field: "name" });
    expect(findRefusal(r, { email: "a@example.com", company: "CHEAP Inc" }, undefined, disposable)?.field).toBe("company");
    expect(findRefusal(r, { email: "a@example.com", twitter: "cheap_ann" }, undefined, disposable)?.field).toBe("twitter");
    expect(findRefusal(r, { email: "a@example.com", name: null }, undefined, disposable)).toBeNull();
  });

  it("applies country rules only when a country header is trusted", () => {
    expect(refuse({ countryMode: "block", countryCodes: ["KP"] }, { email: "a@example.com" }, "KP")).toBe("country");
    expect(refuse({ countryMode: "block", countryCodes: ["KP"] }, { email: "a@example.com" }, "DE")).toBeNull();
    expect(refuse({ countryMode: "block", countryCodes: ["KP"] }, { email: "a@example.com" }, null)).toBeNull();
    expect(refuse({ countryMode: "block", countryCodes: ["KP"] }, { email: "a@example.com" }, undefined)).toBeNull();
    const only = { countryMode: "allow_only" as const, countryCodes: ["DE", "AT"] };
    expect(refuse(only, { email: "a@example.com" }, "AT")).toBeNull();
    expect(refuse(only, { email: "a@example.com" }, "US")).toBe("country");
    expect(refuse(only, { email: "a@example.com" }, null)).toBe("country");
    expect(refuse(only, { email: "a@example.com" }, undefined)).toBeNull();
  });
});

describe("countryFrom", () => {
  it.each([
    ["de", "DE"],
    [" US ", "US"],
    ["T1", "T1"],
    ["XX", null],
    ["", null],
    [null, null],
    ["DEU", null],
    ["1A", null],
  ])("%j -> %j", (value, expected) => {
    expect(countryFrom(value)).toBe(expected);
  });
});

describe("restrictionsPatchSchema", () => {
  it("normalizes and de-duplicates entries", () => {
    const parsed = restrictionsPatchSchema.parse({
      blocklist: ["Spam.Example", "spam.example.", "*.Bücher.example"],
      banned_keywords: [" Cheap ", "cheap"],
      country_codes: ["de", "DE", "at"],
    });
    expect(parsed).toEqual({
      blocklist: ["spam.example", "*.xn--bcher-kva.example"],
      banned_keywords: ["cheap"],
      country_codes: ["DE", "AT"],
    });
  });

  it.each([
    [{ blocklist: ["not a domain"] }],
    [{ allowlist: Array.from({ length: 1001 }, (_, i) => `d${i}.example`) }],
    [{ blocklist: [`${"a".repeat(250)}.example`] }],
    [{ banned_keywords: [""] }],
    [{ banned_keywords: ["x".repeat(101)] }],
    [{ country_codes: ["Germany"] }],
    [{ sign_up_mode: "invite" }],
    [{ country_mode: "everywhere" }],
    [{ block_disposable: "yes" }],
    [{ unknown: true }],
  ])("refuses %j", (input) => {
    expect(restrictionsPatchSchema.safeParse(input).success).toBe(false);
  });
});
