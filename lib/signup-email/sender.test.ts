import { describe, expect, it } from "vitest";
import { addressOf, senderFor } from "@/lib/signup-email/sender";

describe("senderFor", () => {
  it("puts the waitlist's title as a quoted display name before EMAIL_FROM's address", () => {
    expect(senderFor("Rocket Club", "WaitForge <hello@waitforge.test>")).toBe('"Rocket Club" <hello@waitforge.test>');
    expect(senderFor("Rocket Club", "hello@waitforge.test")).toBe('"Rocket Club" <hello@waitforge.test>');
  });

  it("escapes quotes and backslashes, and drops line breaks so no header can be injected", () => {
    expect(senderFor('Say "hi" \\ bye', "a@b.test")).toBe('"Say \\"hi\\" \\\\ bye" <a@b.test>');
    const injected = senderFor("Club\r\nBcc: victim@example.com", "a@b.test");
    expect(injected).not.toMatch(/[\r\n]/);
    expect(injected).toBe('"Club Bcc: victim@example.com" <a@b.test>');
  });

  it("falls back to the bare address for an empty title, and cuts very long ones", () => {
    expect(senderFor("  \n ", "WaitForge <a@b.test>")).toBe("a@b.test");
    expect(senderFor("x".repeat(200), "a@b.test")).toBe(`"${"x".repeat(64)}" <a@b.test>`);
  });
});

describe("addressOf", () => {
  it("reads the address of both forms", () => {
    expect(addressOf("Name <n@x.test>")).toBe("n@x.test");
    expect(addressOf(" n@x.test ")).toBe("n@x.test");
  });
});
