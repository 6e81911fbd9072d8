import { describe, expect, it } from "vitest";
import { captchaOriginProblem, hostMatches } from "@/lib/abuse/turnstile-origin";

const app = { appHostname: "waitforge.test", allowedHosts: [] as string[] };

describe("captchaOriginProblem", () => {
  it("accepts our own surfaces and API clients that send no action", () => {
    expect(captchaOriginProblem({ action: "hosted", hostname: "waitforge.test" }, app)).toBeNull();
    expect(captchaOriginProblem({ action: "embed", hostname: "waitforge.test" }, app)).toBeNull();
    expect(captchaOriginProblem({ action: "embed", hostname: "founder-site.example" }, app)).toBeNull();
    expect(captchaOriginProblem({ action: "", hostname: "founder-site.example" }, app)).toBeNull();
  });

  it("refuses a token minted for another action", () => {
    expect(captchaOriginProblem({ action: "login", hostname: "waitforge.test" }, app)).toMatch(/^action-mismatch/);
    expect(captchaOriginProblem({ action: "signup", hostname: "waitforge.test" }, app)).toMatch(/^action-mismatch/);
  });

  it("refuses a hosted-page token solved anywhere but our host", () => {
    expect(captchaOriginProblem({ action: "hosted", hostname: "evil.example" }, app)).toBe("hostname-mismatch");
  });

  it("holds every surface to the owner's allowed sites when there are some (our host always allowed)", () => {
    const policy = { appHostname: "waitforge.test", allowedHosts: ["acme.example", "*.acme.dev"] };
    expect(captchaOriginProblem({ action: "embed", hostname: "acme.example" }, policy)).toBeNull();
    expect(captchaOriginProblem({ action: "", hostname: "www.acme.dev" }, policy)).toBeNull();
    expect(captchaOriginProblem({ action: "embed", hostname: "waitforge.test" }, policy)).toBeNull();
    expect(captchaOriginProblem({ action: "embed", hostname: "copycat.example" }, policy)).toBe("hostname-not-allowed");
    expect(captchaOriginProblem({ action: "", hostname: "acme.dev" }, policy)).toBe("hostname-not-allowed");
    expect(captchaOriginProblem({ action: "", hostname: "" }, policy)).toBe("hostname-not-allowed");
  });
});

describe("hostMatches", () => {
  it("matches exact hosts, and subdomains for *. patterns but never look-alikes", () => {
    expect(hostMatches("acme.example", "acme.example")).toBe(true);
    expect(hostMatches("acme.example", "www.acme.example")).toBe(false);
    expect(hostMatches("*.acme.example", "www.acme.example")).toBe(true);
    expect(hostMatches("*.acme.example", "a.b.acme.example")).toBe(true);
    expect(hostMatches("*.acme.example", "acme.example")).toBe(false);
    expect(hostMatches("*.acme.example", "evilacme.example")).toBe(false);
  });
});
