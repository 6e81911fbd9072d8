import { beforeEach, describe, expect, it, vi } from "vitest";
import { authErrorMessage, DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "@/lib/auth/sign-in-input";

// The sign-in server action with Auth.js and Next's redirect replaced: what matters here is which inputs
// reach Auth.js, which get an inline message, and that nobody is redirected off-site.

const signIn = vi.fn();
vi.mock("@/auth", () => ({ signIn: (...args: unknown[]) => signIn(...args), signOut: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));

const { requestMagicLink } = await import("@/lib/auth/actions");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

let n = 0;
const address = () => `owner-${Date.now()}-${n++}@example.com`;

beforeEach(() => {
  signIn.mockReset();
  signIn.mockResolvedValue("http://localhost:3000/check-your-email");
});

describe("requestMagicLink", () => {
  it.each([
    ["", "Enter your email address."],
    ["   ", "Enter your email address."],
    ["not-an-email", "Enter a valid email address, like alice@example.com."],
    ["a@b", "Enter a valid email address, like alice@example.com."],
    [`${"x".repeat(250)}@example.com`, "Email addresses are at most 254 characters."],
  ])("refuses %j with an inline message and sends nothing", async (email, message) => {
    const state = await requestMagicLink({ email: "" }, form({ email }));
    expect(state).toEqual({ email, fieldError: message });
    expect(signIn).not.toHaveBeenCalled();
  });

  it("refuses a missing field", async () => {
    const state = await requestMagicLink({ email: "" }, new FormData());
    expect(state.fieldError).toBe("Enter your email address.");
  });

  it("normalises the address, asks Auth.js for a link without its redirect, then shows check-your-email", async () => {
    const email = address();
    await expect(requestMagicLink({ email: "" }, form({ email: `  ${email.toUpperCase()} ` }))).rejects.toThrow(
      "REDIRECT /check-your-email",
    );
    expect(signIn).toHaveBeenCalledWith("email", { email, redirect: false, redirectTo: DEFAULT_AFTER_SIGN_IN });
  });

  it.each([
    ["/dashboard/w/abc/settings?x=1", "/dashboard/w/abc/settings?x=1"],
    ["https://evil.example/phish", DEFAULT_AFTER_SIGN_IN],
    ["//evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/\\evil.example", DEFAULT_AFTER_SIGN_IN],
  ])("passes callbackUrl %j to Auth.js as %j", async (callbackUrl, expected) => {
    await expect(requestMagicLink({ email: "" }, form({ email: address(), callbackUrl }))).rejects.toThrow("REDIRECT");
    expect(signIn.mock.calls[0]?.[1]).toMatchObject({ redirectTo: expected });
  });

  it("shows a form error (and stays on the page) when sending fails", async () => {
    signIn.mockRejectedValue(new Error("resend down"));
    const email = address();
    const state = await requestMagicLink({ email: "" }, form({ email }));
    expect(state).toEqual({ email, formError: expect.stringContaining("couldn't send") });
  });

  it("turns the send's limit error (wrapped by Auth.js) into an inline message", async () => {
    const { MagicLinkLimitError } = await import("@/lib/auth/magic-link-limit");
    const email = address();
    signIn.mockRejectedValue(new Error("EmailSignin", { cause: new MagicLinkLimitError("address", 42) }));
    expect((await requestMagicLink({ email: "" }, form({ email }))).formError).toMatch(/Several links were just sent.*42 seconds/);
    signIn.mockRejectedValue(new Error("EmailSignin", { cause: new MagicLinkLimitError("ip", 7) }));
    expect((await requestMagicLink({ email: "" }, form({ email }))).formError).toMatch(/Too many sign-in links.*7 seconds/);
  });
});

describe("safeCallbackUrl", () => {
  it.each([
    [undefined, DEFAULT_AFTER_SIGN_IN],
    ["", DEFAULT_AFTER_SIGN_IN],
    ["dashboard", DEFAULT_AFTER_SIGN_IN],
    ["/dashboard/new", "/dashboard/new"],
    ["/w/demo#top", "/w/demo#top"],
    ["javascript:alert(1)", DEFAULT_AFTER_SIGN_IN],
    ["/\tevil", DEFAULT_AFTER_SIGN_IN],
    ["/sign-in?callbackUrl=/x", DEFAULT_AFTER_SIGN_IN],
    ["/api/auth/signout", DEFAULT_AFTER_SIGN_IN],
  ])("%j -> %j", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});

describe("authErrorMessage", () => {
  it("explains an expired or used link, and never echoes unknown codes", () => {
    expect(authErrorMessage("Verification")).toMatch(/expired or was already used/);
    expect(authErrorMessage("<script>")).not.toContain("<script>");
    expect(authErrorMessage(undefined)).toBeNull();
  });
});
