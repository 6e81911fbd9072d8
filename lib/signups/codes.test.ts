import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashStatusToken, newRefCode, newStatusToken } from "@/lib/signups/codes";
import { REF_CODE_ALPHABET, REF_CODE_PATTERN } from "@/lib/signups/schemas";

describe("signup codes from the random block", () => {
  it("draws referral codes evenly from the 32-letter alphabet, never the same twice", () => {
    // The low five bits of a byte pick a letter: unbiased only for an alphabet of exactly 32.
    expect(REF_CODE_ALPHABET).toHaveLength(32);
    const codes = Array.from({ length: 10_000 }, () => newRefCode());
    expect(codes.every((c) => REF_CODE_PATTERN.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes) for (const ch of c) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    // 80,000 letters: 2,500 each expected, a standard deviation of ~49.
    expect([...counts.keys()].sort()).toEqual([...REF_CODE_ALPHABET].sort());
    for (const n of counts.values()) expect(Math.abs(n - 2_500)).toBeLessThan(400);
  });

  it("makes status tokens of 24 random bytes (32 characters) across refills of the block, stored as their sha256", () => {
    const tokens = Array.from({ length: 1_000 }, () => newStatusToken());
    expect(new Set(tokens.map((t) => t.token)).size).toBe(tokens.length);
    for (const { token, hash } of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
      expect(hashStatusToken(token)).toBe(hash);
    }
  });
});
