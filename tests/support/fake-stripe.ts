import { randomBytes } from "node:crypto";
import { listenFake, sendJson } from "@/tests/support/fake-http";

// A local stand-in for the parts of Stripe's REST API WaitForge calls, in Stripe's wire format: form-encoded
// requests (bracket notation) with a Bearer secret key, JSON objects and Stripe's error envelope. The real
// `stripe` SDK talks to it through STRIPE_API_BASE. Tests set subscription states with setSubscription(), or
// over HTTP with POST /__subscriptions from another process, and can slow one endpoint down with setLatency()
// to hold calls in flight side by side.

export type FakeSubscription = { id: string; status: string; customer: string; metadata: Record<string, string> };
export type StripeCall = { method: string; path: string; params: Record<string, string> };
export type FakeCustomer = { id: string; object: "customer"; created: number; email: string | null; name: string | null; metadata: Record<string, string>; livemode: false };

export type FakeStripe = {
  url: string;
  calls: StripeCall[];
  /** Customers created through POST /v1/customers, in order. */
  customers: FakeCustomer[];
  setSubscription(sub: FakeSubscription): void;
  /** Answers `"POST /v1/customers"` (method and path) only after `ms`; 0 removes the delay. */
  setLatency(route: string, ms: number): void;
  close(): Promise<void>;
};

const id = (prefix: string) => `${prefix}_test_${randomBytes(8).toString("hex")}`;

/** Stripe's bracket notation for a hash: `metadata[team_id]=x` -> { team_id: "x" }. */
function hashParam(params: Record<string, string>, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const m = key.match(new RegExp(`^${name}\\[([^\\]]+)\\]$`));
    if (m) out[m[1]!] = value;
  }
  return out;
}

export async function startFakeStripe(options: { secretKey: string }): Promise<FakeStripe> {
  const calls: StripeCall[] = [];
  const subscriptions = new Map<string, FakeSubscription>();
  const customers: FakeCustomer[] = [];
  const latency = new Map<string, number>();
  const stripeError = (status: number, type: string, message: string, code?: string) => ({ status, body: { error: { type, message, code } } });

  const fake = await listenFake(async (req, res, body) => {
    const url = new URL(req.url ?? "/", "http://fake.local");
    const params = Object.fromEntries(new URLSearchParams(body.toString("utf8")));
    calls.push({ method: req.method ?? "GET", path: url.pathname, params });
    const delay = latency.get(`${req.method} ${url.pathname}`);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const fail = (e: ReturnType<typeof stripeError>) => sendJson(res, e.status, e.body);
    // Test control, for specs in other processes (Playwright workers): set a subscription's state.
    if (req.method === "POST" && url.pathname === "/__subscriptions") {
      const sub = JSON.parse(body.toString("utf8")) as FakeSubscription;
      subscriptions.set(sub.id, sub);
      return sendJson(res, 200, { ok: true });
    }
    if (req.headers.authorization !== `Bearer ${options.secretKey}`) {
      return fail(stripeError(401, "invalid_request_error", "Invalid API Key provided."));
    }
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      if (!params["line_items[0][price]"] || !params.success_url) {
        return fail(stripeError(400, "invalid_request_error", "Missing required param: line_items.", "parameter_missing"));
      }
      const sessionId = id("cs");
      return sendJson(res, 200, {
        id: sessionId,
        object: "checkout.session",
        mode: params.mode,
        url: `${fake.origin}/pay/${sessionId}`,
        customer: params.customer ?? null,
        customer_email: params.customer_email ?? null,
        client_reference_id: params.client_reference_id ?? null,
        metadata: hashParam(params, "metadata"),
      });
    }
    if (req.method === "POST" && url.pathname === "/v1/customers") {
      const customer: FakeCustomer = {
        id: id("cus"),
        object: "customer",
        created: Math.floor(Date.now() / 1000),
        email: params.email ?? null,
        name: params.name ?? null,
        metadata: hashParam(params, "metadata"),
        livemode: false,
      };
      customers.push(customer);
      return sendJson(res, 200, customer);
    }
    const customerPath = url.pathname.match(/^\/v1\/customers\/([\w-]+)$/);
    if (req.method === "DELETE" && customerPath) {
      const at = customers.findIndex((c) => c.id === customerPath[1]);
      if (at < 0) return fail(stripeError(404, "invalid_request_error", `No such customer: '${customerPath[1]}'`, "resource_missing"));
      customers.splice(at, 1);
      return sendJson(res, 200, { id: customerPath[1], object: "customer", deleted: true });
    }
    if (req.method === "POST" && url.pathname === "/v1/billing_portal/sessions") {
      if (!params.customer) return fail(stripeError(400, "invalid_request_error", "Missing required param: customer.", "parameter_missing"));
      const portalId = id("bps");
      return sendJson(res, 200, { id: portalId, object: "billing_portal.session", customer: params.customer, url: `${fake.origin}/portal/${portalId}` });
    }
    const sub = url.pathname.match(/^\/v1\/subscriptions\/([\w-]+)$/);
    if (req.method === "GET" && sub) {
      const found = subscriptions.get(sub[1]!);
      if (!found) return fail(stripeError(404, "invalid_request_error", `No such subscription: '${sub[1]}'`, "resource_missing"));
      return sendJson(res, 200, { object: "subscription", ...found });
    }
    return fail(stripeError(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${url.pathname}).`));
  });

  return {
    url: fake.origin,
    calls,
    customers,
    setSubscription: (s) => subscriptions.set(s.id, s),
    setLatency: (route, ms) => latency.set(route, ms),
    close: fake.close,
  };
}
