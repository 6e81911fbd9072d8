import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSigned } from "@/lib/webhooks/send";
import { checkWebhookUrl, forbiddenRange, type Resolver } from "@/lib/webhooks/url-guard";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";

// The SSRF rules of webhook targets: every internal address class is refused when an endpoint is saved (as an
// IP literal, and as a name that resolves there) and again when a delivery is sent, after DNS; the connection
// goes to the address that was checked. Names resolve through an injected resolver, so this runs offline.

const STRICT = { allowPrivate: false, requireHttps: true };
const INTERNAL = [
  ["loopback", "127.0.0.1"],
  ["loopback (other)", "127.8.9.10"],
  ["private 10/8", "10.1.2.3"],
  ["private 172.16/12", "172.16.0.1"],
  ["private 172.31", "172.31.255.254"],
  ["private 192.168/16", "192.168.1.1"],
  ["link-local / metadata", "169.254.169.254"],
  ["CGNAT 100.64/10", "100.64.0.1"],
  ["unspecified", "0.0.0.0"],
  ["multicast", "224.0.0.1"],
  ["broadcast", "255.255.255.255"],
  ["IPv6 loopback", "::1"],
  ["IPv6 unspecified", "::"],
  ["IPv6 link-local", "fe80::1"],
  ["IPv6 unique-local fc00", "fc00::1"],
  ["IPv6 unique-local fd", "fd12:3456::1"],
  ["IPv6 multicast", "ff02::1"],
  ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
  ["IPv4-mapped private", "::ffff:10.0.0.1"],
  ["IPv4-mapped metadata", "::ffff:169.254.169.254"],
  ["IPv4-compatible loopback", "::127.0.0.1"],
  ["IPv4-compatible metadata", "::169.254.169.254"],
  ["IPv6 outside global unicast", "4000::1"],
] as const;

const literal = (ip: string) => (ip.includes(":") ? `[${ip}]` : ip);
const resolvingTo = (...addresses: string[]): Resolver => async () => addresses;

describe("at save", () => {
  it.each(INTERNAL)("refuses %s as an IP literal (%s)", async (_label, ip) => {
    await expect(checkWebhookUrl(`https://${literal(ip)}/hook`, { ...STRICT, resolve: resolvingTo("93.184.215.14") })).rejects.toMatchObject({
      code: "invalid_webhook_url",
      field: "url",
    });
  });

  it.each(INTERNAL)("refuses a name that resolves to %s (%s)", async (_label, ip) => {
    await expect(checkWebhookUrl("https://hooks.customer.example/in", { ...STRICT, resolve: resolvingTo(ip) })).rejects.toMatchObject({
      code: "invalid_webhook_url",
      message: expect.stringContaining("resolves to an internal address"),
    });
  });

  it("refuses a name with one internal answer among public ones, localhost names, http, credentials, non-URLs", async () => {
    const publicOnly = { ...STRICT, resolve: resolvingTo("93.184.215.14") };
    await expect(checkWebhookUrl("https://mixed.example/", { ...STRICT, resolve: resolvingTo("93.184.215.14", "10.0.0.5") })).rejects.toMatchObject({ code: "invalid_webhook_url" });
    for (const url of ["https://localhost/x", "https://LOCALHOST./x", "https://api.localhost/x", "http://hooks.example/x", "https://u:p@hooks.example/x", "not a url", "ftp://hooks.example/"]) {
      await expect(checkWebhookUrl(url, publicOnly), url).rejects.toMatchObject({ code: "invalid_webhook_url" });
    }
    await expect(checkWebhookUrl("https://nowhere.example/", { ...STRICT, resolve: async () => Promise.reject(new Error("ENOTFOUND")) })).rejects.toMatchObject({
      message: expect.stringContaining("could not be resolved"),
    });
  });

  it("accepts public addresses and names", async () => {
    const publicOnly = { ...STRICT, resolve: resolvingTo("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c") };
    expect(await checkWebhookUrl("https://hooks.example/in?x=1", publicOnly)).toBe("https://hooks.example/in?x=1");
    expect(await checkWebhookUrl("https://8.8.8.8/in", publicOnly)).toBe("https://8.8.8.8/in");
    expect(forbiddenRange("2606:4700::1111")).toBeNull();
    // Outside production (and with the test switch) plain http to a loopback receiver is allowed.
    expect(await checkWebhookUrl("http://127.0.0.1:9/x", { allowPrivate: true, requireHttps: false })).toBe("http://127.0.0.1:9/x");
  });
});

describe("at delivery", () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it("refuses after DNS when the name now resolves internally, and sends nothing", async () => {
    const port = new URL(receiver.url).port;
    const before = receiver.received.length;
    for (const [, ip] of INTERNAL) {
      const result = await postSigned(`http://rebind.example:${port}/hooks`, "{}", {}, { allowPrivate: false, requireHttps: false, resolve: resolvingTo(ip) });
      expect(result, ip).toMatchObject({ ok: false, statusCode: null, error: expect.stringContaining("invalid_webhook_url") });
    }
    const literalResult = await postSigned(receiver.url, "{}", {}, { allowPrivate: false, requireHttps: false });
    expect(literalResult).toMatchObject({ ok: false, error: expect.stringContaining("internal address") });
    expect(receiver.received.length).toBe(before);
  });

  it("connects to the address it checked, whatever the name", async () => {
    const port = new URL(receiver.url).port;
    let lookups = 0;
    // A name nothing else can resolve: reaching the receiver proves the connection used the checked answer.
    const result = await postSigned(`http://only-in-this-test.invalid:${port}/hooks`, '{"a":1}', { "webhook-id": "msg_x" }, {
      allowPrivate: true,
      requireHttps: false,
      resolve: async () => (lookups++, ["127.0.0.1"]),
    });
    expect(result).toMatchObject({ ok: true, statusCode: 204 });
    expect(lookups).toBe(1);
    expect(receiver.received.at(-1)).toMatchObject({ body: '{"a":1}', headers: { "webhook-id": "msg_x", host: `only-in-this-test.invalid:${port}` } });
  });

  it("keeps at most 1 KB of the answer", async () => {
    receiver.answer(() => ({ status: 500, body: "x".repeat(5000) }));
    try {
      const result = await postSigned(receiver.url, "{}", {}, { allowPrivate: true, requireHttps: false });
      expect(result.excerpt).toHaveLength(1024);
    } finally {
      receiver.answer(null);
    }
  });
});

describe("the test switch", () => {
  it("is refused in production unless the app itself only listens on loopback", async () => {
    const { parseEnv } = await import("@/lib/env");
    const base = { DATABASE_URL: "postgres://x/y", NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: "1" };
    expect(() => parseEnv({ ...base, APP_URL: "https://waitlist.example" })).toThrow(/WEBHOOK_ALLOW_PRIVATE_TARGETS/);
    expect(parseEnv({ ...base, APP_URL: "http://127.0.0.1:3000" }).WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(true);
    expect(parseEnv({ ...base, WEBHOOK_ALLOW_PRIVATE_TARGETS: "0", APP_URL: "https://waitlist.example" }).WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(false);
  });
});
