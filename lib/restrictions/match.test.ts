import { describe, expect, it } from "vitest";
import {
  bannedKeywordIn,
  formatListEntry,
  listMatches,
  normalizeDomain,
  parseAddress,
  parseListEntry,
} from "@/lib/restrictions/match";

const addr = (raw: string) => {
  const a = parseAddress(raw);
  if (!a) throw new Error(`not an address: ${raw}`);
  return a;
};
const stored = (...raw: string[]) => raw.map((r) => formatListEntry(parseListEntry(r)!));

describe("normalizeDomain", () => {
  it.each([
    ["Example.COM", "example.com"],
    ["example.com.", "example.com"],
    ["  mail.Example.com  ", "mail.example.com"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["BÜCHER.example", "xn--bcher-kva.example"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["münchen.de", "xn--mnchen-3ya.de"],
    ["例え.jp", "xn--r8jz45g.jp"],
    ["ＥＸＡＭＰＬＥ.com", "example.com"],
  ])("%s -> %s", (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });

  it.each(["", ".", "localhost", "exa mple.com", "example.com/path", "a@b.com", "[::1]", "example.com:80", "ex%41.com"])(
    "refuses %j",
    (raw) => {
      expect(normalizeDomain(raw)).toBe("");
    },
  );
});

describe("parseAddress", () => {
  it("lower-cases, normalizes the domain and finds +tags", () => {
    expect(parseAddress("Ann+2@Example.COM.")).toEqual({ local: "ann+2", base: "ann", domain: "example.com", subaddressed: true });
    expect(parseAddress("ann@bücher.example")).toMatchObject({ domain: "xn--bcher-kva.example", subaddressed: false });
  });

  it("treats a leading or trailing + as no tag", () => {
    expect(addr("+ann@example.com").subaddressed).toBe(false);
    expect(addr("ann+@example.com").subaddressed).toBe(false);
    expect(addr("a+b+c@example.com")).toMatchObject({ base: "a", subaddressed: true });
  });

  it("keeps quoted local parts whole (a + inside quotes is not a tag)", () => {
    expect(parseAddress('"John+Doe"@example.com')).toEqual({
      local: '"john+doe"',
      base: '"john+doe"',
      domain: "example.com",
      subaddressed: false,
    });
    expect(addr('"a@b"@example.com').domain).toBe("example.com");
  });

  it.each(["", "@example.com", "ann@", "ann", "ann@localhost", "ann@exa mple.com"])("refuses %j", (raw) => {
    expect(parseAddress(raw)).toBeNull();
  });
});

describe("parseListEntry", () => {
  it.each([
    ["Example.com", "example.com"],
    ["*.Example.com.", "*.example.com"],
    ["ALICE@Example.com", "alice@example.com"],
    ["*.bücher.example", "*.xn--bcher-kva.example"],
    ["bob@münchen.de", "bob@xn--mnchen-3ya.de"],
  ])("%s is stored as %s", (raw, expected) => {
    expect(formatListEntry(parseListEntry(raw)!)).toBe(expected);
  });

  it.each(["", "*.", "*", "**.example.com", "example", "@example.com", "a b@example.com", "http://example.com"])(
    "refuses %j",
    (raw) => {
      expect(parseListEntry(raw)).toBeNull();
    },
  );
});

describe("listMatches", () => {
  const list = stored("acme.com", "*.corp.example", "ceo@big.example", "bücher.example");

  it.each([
    ["ann@acme.com", true],
    ["ANN@ACME.COM", true],
    ["ann@acme.com.", true],
    ["ann@mail.acme.com", false], // a bare domain is that domain only
    ["ann@notacme.com", false],
    ["ann@acme.com.evil.example", false],
    ["ann@eu.corp.example", true],
    ["ann@a.b.corp.example", true],
    ["ann@corp.example", false], // *.domain is its subdomains only
    ["ann@evilcorp.example", false],
    ["CEO@Big.Example", true],
    ["ceo+news@big.example", true], // the same mailbox with a tag
    ["cfo@big.example", false],
    ["ann@BÜCHER.example", true],
    ["ann@xn--bcher-kva.example", true],
    ['"ann"@acme.com', true],
  ])("%s -> %s", (email, expected) => {
    expect(listMatches(list, addr(email))).toBe(expected);
  });

  it("an exact entry with a tag matches only that tag", () => {
    const tagged = stored("ann+beta@example.com");
    expect(listMatches(tagged, addr("ann+beta@example.com"))).toBe(true);
    expect(listMatches(tagged, addr("ann@example.com"))).toBe(false);
  });

  it("an empty list matches nothing", () => {
    expect(listMatches([], addr("ann@example.com"))).toBe(false);
  });
});

describe("bannedKeywordIn", () => {
  it("finds keywords case- and width-insensitively", () => {
    expect(bannedKeywordIn("Buy CHEAP pills", ["cheap"])).toBe("cheap");
    expect(bannedKeywordIn("ＣＨＥＡＰ deals", ["cheap"])).toBe("cheap");
    expect(bannedKeywordIn("Alice", ["cheap"])).toBeNull();
    expect(bannedKeywordIn("", ["cheap"])).toBeNull();
    expect(bannedKeywordIn("anything", [])).toBeNull();
  });
});

describe("IP literals and wildcards are never domains", () => {
  it.each(["127.0.0.1", "*.example.com", "ex*ample.com"])("%s", (raw) => {
    expect(normalizeDomain(raw)).toBe("");
  });
});
