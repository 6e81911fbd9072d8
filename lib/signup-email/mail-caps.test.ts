import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { consumeSignupMailCap, resetSignupMailCaps, SIGNUP_MAILS_PER_RECIPIENT_PER_DAY } from "@/lib/signup-email/mail-caps";

// The caps on emails that anyone can trigger for an address they type (in memory here; Redis shares the
// same limiter code, covered by lib/abuse/rate-limit.test.ts).

const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  resetEnvCache();
  await resetSignupMailCaps();
});

function configure(perIpPerHour: number) {
  process.env = { ...saved, REDIS_URL: undefined, SIGNUP_MAILS_PER_IP_PER_HOUR: String(perIpPerHour) };
  resetEnvCache();
}

describe("signup mail caps", () => {
  it("allow three a day per recipient, whatever the case of the address or the sending IP", async () => {
    configure(100);
    const answers = [];
    for (const [i, email] of ["Ann@Example.com", "ann@example.com", " ANN@example.COM", "ann@example.com"].entries()) {
      answers.push(await consumeSignupMailCap(email, `203.0.113.${i}`));
    }
    expect(answers.slice(0, SIGNUP_MAILS_PER_RECIPIENT_PER_DAY).every((a) => a.allowed)).toBe(true);
    expect(answers[3]).toMatchObject({ allowed: false, scope: "recipient" });
    expect(await consumeSignupMailCap("bob@example.com", "203.0.113.9")).toEqual({ allowed: true });
  });

  it("cap one IP across recipients, without spending the recipients' allowance once refused", async () => {
    configure(2);
    expect(await consumeSignupMailCap("a@example.com", "198.51.100.1")).toEqual({ allowed: true });
    expect(await consumeSignupMailCap("b@example.com", "198.51.100.1")).toEqual({ allowed: true });
    for (let i = 0; i < 5; i += 1) {
      expect(await consumeSignupMailCap("victim@example.com", "198.51.100.1")).toMatchObject({ allowed: false, scope: "ip" });
    }
    // The refused attempts did not use up the victim's daily three.
    for (let i = 0; i < SIGNUP_MAILS_PER_RECIPIENT_PER_DAY; i += 1) {
      expect(await consumeSignupMailCap("victim@example.com", `198.51.100.${10 + i}`)).toEqual({ allowed: true });
    }
  });
});
