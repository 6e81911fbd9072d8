import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyTurnstile } from "@/lib/abuse/turnstile";
import { resetEnvCache } from "@/lib/env";
import { enforceTurnstileAgainstFake, passToken } from "@/tests/support/public-api";

let fake: Awaited<ReturnType<typeof enforceTurnstileAgainstFake>>;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await enforceTurnstileAgainstFake();
});
beforeEach(async () => {
  process.env = { ...saved };
  fake = fake ?? (await enforceTurnstileAgainstFake());
  Object.assign(process.env, {
    TURNSTILE_MODE: "enforce",
    TURNSTILE_SITE_KEY: "1x00000000000000000000AA",
    TURNSTILE_SECRET_KEY: "test-secret",
    TURNSTILE_VERIFY_URL: fake.url,
    TURNSTILE_TIMEOUT_MS: "500",
  });
  resetEnvCache();
});
afterAll(async () => {
  await fake.close();
  process.env = saved;
  resetEnvCache();
});

describe("verifyTurnstile", () => {
  it("accepts a valid token and sends secret, response, remoteip and an idempotency key", async () => {
    const token = passToken();
    expect(await verifyTurnstile(token, "198.51.100.7", "w:alice@example.com")).toEqual({ ok: true, action: "", hostname: "localhost" });
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ secret: "test-secret", response: token, remoteip: "198.51.100.7" });
    expect(sent.idempotency_key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps the connection to siteverify alive between calls, and after a refused token", async () => {
    const from = fake.requests.length;
    for (const token of [passToken(), "fail-keepalive", passToken(), "500-keepalive", passToken()]) {
      await verifyTurnstile(token, "198.51.100.7", `w:${token}`);
    }
    const ports = fake.requests.slice(from).map((r) => r.clientPort);
    expect(ports).toHaveLength(5);
    // A `fetch` per call (or a closed connection) would show five ports; the pool may open a second one.
    expect(new Set(ports).size).toBeLessThanOrEqual(2);
  });

  it("gives a retried signup the same verdict, but refuses the token for another signup", async () => {
    const token = passToken();
    expect((await verifyTurnstile(token, "198.51.100.7", "w:alice@example.com")).ok).toBe(true);
    expect((await verifyTurnstile(token, "198.51.100.7", "w:alice@example.com")).ok).toBe(true);
    expect(await verifyTurnstile(token, "198.51.100.7", "w:bob@example.com")).toMatchObject({
      ok: false,
      reason: "timeout-or-duplicate",
    });
  });

  it.each([
    ["an unsuccessful answer", "fail-1", "invalid-input-response"],
    ["a timeout", "slow-1", "timeout"],
    ["a 5xx answer", "500-1", "http-500"],
    ["a non-JSON answer", "notjson-1", "invalid-json"],
  ])("fails closed on %s", async (_label, token, reason) => {
    expect(await verifyTurnstile(token, "198.51.100.7", `w:${token}`)).toMatchObject({ ok: false, reason });
  });

  it("fails closed with no token, an over-long token, or a wrong secret", async () => {
    expect((await verifyTurnstile(undefined, "198.51.100.7", "s")).ok).toBe(false);
    expect((await verifyTurnstile("pass-" + "x".repeat(3000), "198.51.100.7", "s")).ok).toBe(false);
    process.env.TURNSTILE_SECRET_KEY = "wrong";
    resetEnvCache();
    expect(await verifyTurnstile(passToken(), "198.51.100.7", "s")).toMatchObject({ ok: false });
  });

  it("fails closed when the verify URL cannot be reached", async () => {
    process.env.TURNSTILE_VERIFY_URL = "http://127.0.0.1:1/siteverify";
    resetEnvCache();
    expect(await verifyTurnstile(passToken(), "198.51.100.7", "s")).toMatchObject({ ok: false, reason: "network-error" });
  });

  it("fails closed on an answer far longer than siteverify's, without reading it all", async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ success: true, padding: "x".repeat(1024 * 1024) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      process.env.TURNSTILE_VERIFY_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
      resetEnvCache();
      expect(await verifyTurnstile(passToken(), "198.51.100.7", "s")).toMatchObject({ ok: false, reason: "network-error" });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("asks again, once, when a kept-alive connection is dropped under the request", async () => {
    // The first request has its socket closed without an answer (as by a server whose keep-alive ran out just
    // then); the next is answered. Without the retry the signup fails as network-error.
    let requests = 0;
    const server = http.createServer((req, res) => {
      requests += 1;
      req.resume();
      req.on("end", () => {
        if (requests === 1) {
          req.socket.destroy();
          return;
        }
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ success: true, action: "hosted", hostname: "localhost" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      process.env.TURNSTILE_VERIFY_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
      resetEnvCache();
      expect(await verifyTurnstile(passToken(), "198.51.100.7", "s")).toMatchObject({ ok: true });
      expect(requests).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("refuses everything in production when no secret is configured", async () => {
    Object.assign(process.env, { NODE_ENV: "production" });
    delete process.env.TURNSTILE_SECRET_KEY;
    delete process.env.TURNSTILE_MODE;
    resetEnvCache();
    expect(await verifyTurnstile(passToken(), "198.51.100.7", "s")).toMatchObject({ ok: false, reason: "not-configured" });
  });

  it("lets everything through only in the explicit development mode", async () => {
    Object.assign(process.env, { NODE_ENV: "development", TURNSTILE_MODE: "off" });
    resetEnvCache();
    expect(await verifyTurnstile(undefined, "198.51.100.7", "s")).toEqual({ ok: true, action: "", hostname: "" });
  });
});
