import { listenFake, type FakeHttpServer } from "@/tests/support/fake-http";

// A local webhook receiver: records every request (headers and raw body) and answers what the test scripts,
// by default 204. `failNext(n)` makes the next n requests answer 500, `answer(fn)` takes over completely.

export type ReceivedHook = { path: string; headers: Record<string, string>; body: string };
type Answer = { status: number; body?: string; headers?: Record<string, string> };

export type WebhookReceiver = FakeHttpServer & {
  url: string;
  received: ReceivedHook[];
  failNext(n: number, status?: number): void;
  answer(fn: ((hook: ReceivedHook) => Answer) | null): void;
  /** Waits until at least `n` requests arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedHook[]>;
};

export async function startWebhookReceiver(path = "/hooks"): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  let failures = 0;
  let failStatus = 500;
  let custom: ((hook: ReceivedHook) => Answer) | null = null;
  const server = await listenFake((req, res, body) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const hook = { path: req.url ?? "", headers, body: body.toString("utf8") };
    received.push(hook);
    let answer: Answer = { status: 204 };
    if (custom) answer = custom(hook);
    else if (failures > 0) {
      failures--;
      answer = { status: failStatus, body: "receiver down" };
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  return {
    ...server,
    url: `${server.origin}${path}`,
    received,
    failNext(n, status = 500) {
      failures = n;
      failStatus = status;
    },
    answer(fn) {
      custom = fn;
    },
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`receiver: ${received.length} of ${n} requests after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
  };
}
