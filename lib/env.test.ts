import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, servingProblems } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/waitforge" };

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("fills in defaults when only DATABASE_URL is given", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: base.DATABASE_URL,
      DATABASE_POOL_SIZE: 20,
      APP_URL: "http://localhost:3000",
      EMAIL_FROM: "WaitForge <login@waitforge.local>",
      TURNSTILE_VERIFY_URL: "https://challenges.cloudflare.com/turnstile/v0/siteverify",
      TURNSTILE_TIMEOUT_MS: 3000,
      RATE_LIMIT_PER_MINUTE: 120,
      proxyHops: 0,
      emailTransport: "log",
      appOrigin: "http://localhost:3000",
      FREE_SIGNUP_CAP: 1000,
      CONFIG_CACHE_MS: 30_000,
      LOG_LEVEL: "info",
      turnstileMode: "off",
      WORKER_MODE: "inline",
      WORKER_POLL_SECONDS: 2,
      JOB_RETRY_DELAY_SECONDS: 30,
      JOB_RETRY_LIMIT: 10,
      JOB_SCHEMA: "pgboss",
      DIGEST_SWEEP_SECONDS: 3600,
    });
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.SECURE_COOKIES).toBeUndefined();
    expect(env.TRUSTED_PROXY_HOPS).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ ...base, APP_URL: "", DATABASE_POOL_SIZE: "", REDIS_URL: "" });
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_POOL_SIZE).toBe(20);
    expect(env.REDIS_URL).toBeUndefined();
  });

  it("coerces numbers and booleans", () => {
    const env = parseEnv({ ...base, DATABASE_POOL_SIZE: "5", SECURE_COOKIES: "1", CONFIG_CACHE_MS: "0" });
    expect(env.DATABASE_POOL_SIZE).toBe(5);
    expect(env.SECURE_COOKIES).toBe(true);
    expect(env.CONFIG_CACHE_MS).toBe(0);
    expect(parseEnv({ ...base, SECURE_COOKIES: "false" }).SECURE_COOKIES).toBe(false);
  });

  it("requires DATABASE_URL", () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
  });

  const bad: Array<[string, string]> = [
    ["DATABASE_URL", "mysql://localhost/db"],
    ["NODE_ENV", "staging"],
    ["DATABASE_POOL_SIZE", "0"],
    ["DATABASE_POOL_SIZE", "many"],
    ["APP_URL", "not a url"],
    ["AUTH_SECRET", "short"],
    ["AUTH_URL", "nope"],
    ["EMAIL_FROM", "x"],
    ["RESEND_BASE_URL", "::"],
    ["TURNSTILE_VERIFY_URL", "siteverify"],
    ["TURNSTILE_MODE", "maybe"],
    ["TURNSTILE_TIMEOUT_MS", "5"],
    ["REDIS_URL", "http://localhost:6379"],
    ["RATE_LIMIT_PER_MINUTE", "-1"],
    ["TRUSTED_PROXY_HOPS", "11"],
    ["CLIENT_IP_HEADER", "x forwarded for"],
    ["FREE_SIGNUP_CAP", "0"],
    ["CONFIG_CACHE_MS", "60001"],
    ["LOG_LEVEL", "verbose"],
    ["SECURE_COOKIES", "yes"],
    ["WORKER_MODE", "separate"],
    ["WORKER_POLL_SECONDS", "0.1"],
    ["JOB_RETRY_DELAY_SECONDS", "0"],
    ["JOB_RETRY_LIMIT", "21"],
    ["JOB_SCHEMA", "pgboss; DROP TABLE x"],
    ["JOB_SCHEMA", "PgBoss"],
    ["DIGEST_SWEEP_SECONDS", "5"],
    ["DIGEST_SWEEP_SECONDS", "-1"],
  ];
  it.each(bad)("names %s in the error when it is %j", (name, value) => {
    const problems = problemsOf({ ...base, [name]: value });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
  });

  it("reports every bad variable at once, and the message lists them", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "nope", LOG_LEVEL: "loud", APP_URL: "x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems.map((p) => p.split(":")[0]).sort();
    expect(problems).toEqual(["APP_URL", "DATABASE_URL", "LOG_LEVEL"]);
    expect((error as Error).message).toMatch(/Invalid environment configuration/);
    for (const name of problems) expect((error as Error).message).toContain(name);
  });

  // A production deployment that has said how client IPs are found and how email leaves.
  const prod = { ...base, NODE_ENV: "production", TRUSTED_PROXY_HOPS: "1", RESEND_API_KEY: "re_live" };

  const serving = (source: Record<string, string | undefined>) => servingProblems(parseEnv(source));

  it("will not serve production without a word on how the client IP is found, naming the choices", () => {
    expect(serving(prod)).toEqual([]);
    expect(serving({ ...prod, TRUSTED_PROXY_HOPS: undefined })).toEqual([
      expect.stringMatching(/^TRUSTED_PROXY_HOPS: .*CLIENT_IP_HEADER.*TRUSTED_PROXY_HOPS=0/),
    ]);
    expect(serving({ ...prod, TRUSTED_PROXY_HOPS: undefined, NODE_ENV: "development" })).toEqual([]);
    expect(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "0" }).proxyHops).toBe(0);
    expect(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: undefined, CLIENT_IP_HEADER: "cf-connecting-ip" }).proxyHops).toBe(0);
    expect(parseEnv({ ...prod, TRUSTED_PROXY_HOPS: "2" }).proxyHops).toBe(2);
  });

  it("will not serve production without an email transport unless told to log links", () => {
    expect(serving({ ...prod, RESEND_API_KEY: undefined })).toEqual([expect.stringMatching(/^RESEND_API_KEY: .*EMAIL_TRANSPORT=log/)]);
    expect(serving({ ...prod, RESEND_API_KEY: undefined, EMAIL_TRANSPORT: "log" })).toEqual([]);
    expect(parseEnv({ ...prod, RESEND_API_KEY: undefined, EMAIL_TRANSPORT: "log" }).emailTransport).toBe("log");
    expect(parseEnv(prod).emailTransport).toBe("resend");
    expect(problemsOf({ ...base, EMAIL_TRANSPORT: "resend" })).toEqual([expect.stringMatching(/^RESEND_API_KEY: /)]);
  });

  it("derives one app origin for links from AUTH_URL, else APP_URL", () => {
    expect(parseEnv({ ...base, APP_URL: "https://wait.example.com/" }).appOrigin).toBe("https://wait.example.com");
    expect(parseEnv({ ...base, APP_URL: "https://a.example", AUTH_URL: "https://b.example/api/auth" }).appOrigin).toBe(
      "https://b.example",
    );
  });

  it("refuses TURNSTILE_MODE=off in production", () => {
    const problems = problemsOf({ ...prod, TURNSTILE_MODE: "off" });
    expect(problems).toEqual([expect.stringMatching(/^TURNSTILE_MODE: .*refused in production/)]);
  });

  it("allows TURNSTILE_MODE=off outside production", () => {
    expect(parseEnv({ ...base, NODE_ENV: "development", TURNSTILE_MODE: "off" }).turnstileMode).toBe("off");
    expect(parseEnv({ ...base, NODE_ENV: "test", TURNSTILE_MODE: "off" }).turnstileMode).toBe("off");
  });

  it("requires a site key when TURNSTILE_MODE=enforce", () => {
    expect(problemsOf({ ...base, TURNSTILE_MODE: "enforce" })).toEqual([
      expect.stringMatching(/^TURNSTILE_SITE_KEY: /),
    ]);
  });

  describe("turnstileMode", () => {
    const keys = { TURNSTILE_SITE_KEY: "site", TURNSTILE_SECRET_KEY: "secret" };

    it("is off in development and test without keys", () => {
      expect(parseEnv({ ...base, NODE_ENV: "development" }).turnstileMode).toBe("off");
      expect(parseEnv({ ...base, NODE_ENV: "test" }).turnstileMode).toBe("off");
    });

    it("is enforce whenever a secret key is set", () => {
      expect(parseEnv({ ...base, ...keys }).turnstileMode).toBe("enforce");
      expect(parseEnv({ ...base, NODE_ENV: "test", TURNSTILE_SECRET_KEY: "secret" }).turnstileMode).toBe("enforce");
    });

    it("is enforce in production even without keys (fail closed)", () => {
      expect(parseEnv(prod).turnstileMode).toBe("enforce");
    });

    it("follows an explicit TURNSTILE_MODE over the derivation", () => {
      expect(parseEnv({ ...base, ...keys, TURNSTILE_MODE: "off" }).turnstileMode).toBe("off");
      expect(parseEnv({ ...prod, ...keys, TURNSTILE_MODE: "enforce" }).turnstileMode).toBe(
        "enforce",
      );
    });
  });
});
