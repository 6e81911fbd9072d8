import { listenFake, delay, parseFields, sendJson } from "@/tests/support/fake-http";

// A local stand-in for Cloudflare Turnstile's siteverify, speaking its wire format, so tests exercise the real
// verification code over HTTP. Token behaviour is chosen by the token's prefix:
//   "pass…" / "e2e-pass…"  success, once; a reuse answers timeout-or-duplicate
//   "fail…"                invalid-input-response
//   "slow…"                answers (success) after 10 s, to trip the caller's timeout
//   "500…"                 HTTP 500
//   "notjson…"             HTTP 200 with an HTML body
//   "reset…"               the connection is dropped without an answer
//   anything else          invalid-input-response
// Cloudflare binds a token to the widget's action and the page's hostname and reports both; a token may carry
// them for the fake as a suffix "~<action>~<hostname>" (the browser stand-in adds it), else action "" and the
// fake's configured hostname.
// As at Cloudflare, repeating an idempotency_key with the same token returns the first answer again.

export const SITEVERIFY_PATH = "/turnstile/v0/siteverify";
export const SLOW_TOKEN_DELAY_MS = 10_000;

export type SiteverifyAnswer = {
  success: boolean;
  "error-codes": string[];
  challenge_ts?: string;
  hostname?: string;
  action?: string;
  cdata?: string;
};

/** One request as received; the form fields keep their wire names. */
export type SiteverifyRequest = {
  at: string;
  contentType: string | undefined;
  secret: string | undefined;
  response: string | undefined;
  remoteip: string | undefined;
  idempotency_key: string | undefined;
  /** The client's end of the connection it came on: equal ports are one kept-alive connection. */
  clientPort: number | undefined;
  /** What the fake answered: a JSON body, or the HTTP status / "html" for the failure modes. */
  answer: SiteverifyAnswer | { status: number } | "html" | "reset";
};

export type FakeSiteverify = {
  /** Full siteverify URL, for TURNSTILE_VERIFY_URL. */
  url: string;
  origin: string;
  requests: SiteverifyRequest[];
  close(): Promise<void>;
};

export async function startFakeSiteverify(
  options: { secret: string; hostname?: string } = { secret: "test-secret" },
): Promise<FakeSiteverify> {
  const hostname = options.hostname ?? "localhost";
  const requests: SiteverifyRequest[] = [];
  const redeemed = new Set<string>();
  const byIdempotencyKey = new Map<string, SiteverifyAnswer>();
  const closed = new AbortController();

  const fake = await listenFake(async (req, res, body) => {
    const url = new URL(req.url ?? "/", "http://fake.local");
    if (req.method === "GET" && url.pathname === "/__requests") return sendJson(res, 200, requests);
    if (url.pathname !== SITEVERIFY_PATH) return sendJson(res, 404, { error: "not found" });
    if (req.method !== "POST") return sendJson(res, 405, { success: false, "error-codes": ["bad-request"] });

    let fields: Record<string, string>;
    try {
      fields = await parseFields(req.headers["content-type"], body);
    } catch {
      return sendJson(res, 400, { success: false, "error-codes": ["bad-request"] });
    }
    const record: SiteverifyRequest = {
      at: new Date().toISOString(),
      contentType: req.headers["content-type"],
      secret: fields.secret,
      response: fields.response,
      remoteip: fields.remoteip,
      idempotency_key: fields.idempotency_key,
      clientPort: req.socket.remotePort,
      answer: { status: 0 },
    };
    requests.push(record);

    const reply = (answer: SiteverifyAnswer) => {
      record.answer = answer;
      sendJson(res, 200, answer);
    };
    const failure = (...codes: string[]): SiteverifyAnswer => ({ success: false, "error-codes": codes });

    if (!fields.secret) return reply(failure("missing-input-secret"));
    if (fields.secret !== options.secret) return reply(failure("invalid-input-secret"));
    const token = fields.response;
    if (!token) return reply(failure("missing-input-response"));

    const replayKey = fields.idempotency_key ? `${fields.idempotency_key}\u0000${token}` : undefined;
    const previous = replayKey ? byIdempotencyKey.get(replayKey) : undefined;
    if (previous) return reply(previous);
    const remember = (answer: SiteverifyAnswer) => {
      if (replayKey) byIdempotencyKey.set(replayKey, answer);
      reply(answer);
    };

    if (token.startsWith("500")) {
      record.answer = { status: 500 };
      res.writeHead(500, { "content-type": "text/plain" }).end("internal error");
      return;
    }
    if (token.startsWith("notjson")) {
      record.answer = "html";
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Just a moment...</title>");
      return;
    }
    if (token.startsWith("reset")) {
      record.answer = "reset";
      res.socket?.destroy();
      return;
    }
    if (token.startsWith("fail")) return remember(failure("invalid-input-response"));
    const slow = token.startsWith("slow");
    if (slow) {
      await delay(SLOW_TOKEN_DELAY_MS, closed.signal);
      if (closed.signal.aborted || res.destroyed) return;
    }
    if (!slow && !token.startsWith("pass") && !token.startsWith("e2e-pass")) {
      return remember(failure("invalid-input-response"));
    }
    if (redeemed.has(token)) return remember(failure("timeout-or-duplicate"));
    redeemed.add(token);
    const [, boundAction, boundHost] = token.split("~");
    return remember({
      success: true,
      "error-codes": [],
      challenge_ts: new Date().toISOString(),
      hostname: boundHost ?? hostname,
      action: boundAction ?? "",
      cdata: "",
    });
  });

  return {
    url: `${fake.origin}${SITEVERIFY_PATH}`,
    origin: fake.origin,
    requests,
    close: () => {
      closed.abort();
      return fake.close();
    },
  };
}
