import { describe, expect, it } from "vitest";
import { collectAttribution } from "@/lib/attribution/collect";
import { cleanAttributionText, referrerHost } from "@/lib/attribution/rules";

describe("collectAttribution (what the forms send)", () => {
  it("reads utm_* of the page and the referring site's host, nothing else", () => {
    expect(
      collectAttribution(
        "https://founder.dev/pricing?utm_source=hn&utm_medium=social&utm_campaign=launch&utm_term=x&utm_content=y&utm_id=9&ref=ABC",
        "https://news.ycombinator.com/item?id=123",
      ),
    ).toEqual({
      utm_source: "hn",
      utm_medium: "social",
      utm_campaign: "launch",
      utm_term: "x",
      utm_content: "y",
      referrer: "news.ycombinator.com",
    });
  });

  it("leaves out a referrer on the page's own host (navigation inside the site) and www.", () => {
    expect(collectAttribution("https://www.founder.dev/?utm_source=a", "https://founder.dev/blog")).toEqual({ utm_source: "a" });
    expect(collectAttribution("https://founder.dev/", "https://www.google.com/")).toEqual({ referrer: "google.com" });
  });

  it("is null with nothing to say, and survives junk", () => {
    expect(collectAttribution("https://founder.dev/", "")).toBeNull();
    expect(collectAttribution("not a url", "also not")).toBeNull();
    expect(collectAttribution("https://a.dev/?utm_source=%E2%80%AE%00%20", "")).toBeNull();
  });

  it("cuts each value to 200 characters and removes invisible characters", () => {
    const long = collectAttribution(`https://a.dev/?utm_campaign=${"x".repeat(500)}`, "");
    expect(long?.utm_campaign).toHaveLength(200);
    expect(collectAttribution("https://a.dev/?utm_source=h%E2%80%8Bn%0A%0Ainc", "")).toEqual({ utm_source: "h n inc" });
  });
});

describe("referrerHost and cleanAttributionText", () => {
  it("keeps the host name only, lower case, without www. or a trailing dot", () => {
    expect(referrerHost("https://WWW.Example.COM./a?b=c#d")).toBe("example.com");
    expect(referrerHost("t.co")).toBe("t.co");
    expect(referrerHost("http://[::1]:3000/")).toBe("[::1]");
    expect(referrerHost("https://bücher.de/")).toBe("xn--bcher-kva.de");
    expect(referrerHost("not a site!")).toBeNull();
    expect(referrerHost("")).toBeNull();
  });

  it("drops lone surrogates and control characters", () => {
    expect(cleanAttributionText("a\uD800b\u0000c\tz")).toBe("ab c z");
  });
});

describe("postSignup (every form: hosted page, iframe, script embed)", () => {
  it("adds the page's attribution to the request body", async () => {
    const { postSignup } = await import("@/components/hosted/signup-answer");
    const sent: unknown[] = [];
    const globals = globalThis as Record<string, unknown>;
    const saved = { window: globals.window, document: globals.document, fetch: globals.fetch };
    Object.assign(globals, {
      window: { location: { href: "https://founder.dev/?utm_source=hn&utm_campaign=launch" } },
      document: { referrer: "https://news.ycombinator.com/item?id=1" },
      fetch: async (_url: string, init: { body: string }) => {
        sent.push(JSON.parse(init.body));
        return new Response(JSON.stringify({ ok: true, position: 1, ref_code: "ABCDEFGH", share_path: "/w/x?ref=ABCDEFGH" }));
      },
    });
    try {
      await postSignup("https://api.example", "x", { email: "a@example.com" });
    } finally {
      Object.assign(globals, saved);
    }
    expect(sent).toEqual([
      { email: "a@example.com", attribution: { utm_source: "hn", utm_campaign: "launch", referrer: "news.ycombinator.com" } },
    ]);
  });
});
