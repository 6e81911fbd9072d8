import { describe, expect, it } from "vitest";
import { authRedirect } from "@/lib/auth/redirect";

describe("authRedirect", () => {
  const app = "http://127.0.0.1:3100";
  // What Next.js hands Auth.js for a request to 127.0.0.1: the host rewritten to localhost.
  const normalised = "http://localhost:3100";

  it.each([
    ["/dashboard", `${app}/dashboard`],
    [`${app}/dashboard/w/1?x=1`, `${app}/dashboard/w/1?x=1`],
    [`${normalised}/dashboard`, `${app}/dashboard`],
    ["http://[::1]:3100/dashboard", `${app}/dashboard`],
    ["http://localhost:9999/dashboard", app],
    ["https://evil.example/dashboard", app],
    ["//evil.example/x", app],
    ["/\\evil.example", app],
    ["not a url", app],
  ])("%s -> %s", (url, expected) => {
    expect(authRedirect({ url, baseUrl: normalised }, app)).toBe(expected);
  });

  it("falls back to the request's origin without a configured URL", () => {
    expect(authRedirect({ url: "/x", baseUrl: "https://waitforge.com" })).toBe("https://waitforge.com/x");
    expect(authRedirect({ url: "https://evil.example", baseUrl: "https://waitforge.com" })).toBe("https://waitforge.com");
  });
});
