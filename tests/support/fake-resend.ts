import { randomUUID } from "node:crypto";
import { listenFake, parseFields, sendJson } from "@/tests/support/fake-http";

// A local stand-in for Resend's `POST /emails`. The resend SDK builds `${baseUrl}${path}` with baseUrl from
// its `baseUrl` option or RESEND_BASE_URL, so RESEND_BASE_URL=<origin> (no trailing slash, no /emails) points
// the real SDK here. Captured mail is readable in-process (`messages`) and over HTTP (`GET /__messages`,
// optionally `?to=<address>`; `DELETE /__messages` clears), because Playwright specs run in other processes.

export type CapturedEmail = {
  id: string;
  at: string;
  apiKey: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  reply_to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  tags: unknown[];
};

export type FakeResend = {
  /** For RESEND_BASE_URL. */
  url: string;
  messages: CapturedEmail[];
  /** While set, every send answers this HTTP status (an outage); null ends it. Counts in `refused`. */
  failWith(status: number | null): void;
  /** Refuses every send to `to` with 422 (a bounced address), until `accept(to)`; also over HTTP (POST/DELETE /__refuse?to=). */
  refuse(to: string): void;
  accept(to: string): void;
  /** Sends answered with failWith's status so far. */
  refused(): number;
  /** Holds sends open (never answered) until release(); resolves once `count` sends are held. */
  hold(count?: number): Promise<void>;
  /** Lets held sends through, or with `drop` cuts their connections unanswered (nothing captured). */
  release(options?: { drop?: boolean }): void;
  close(): Promise<void>;
};

type ResendError = { statusCode: number; name: string; message: string };

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === "string" && v !== "" ? [v] : [];

/** `apiKey` unset: any `Bearer re_…` key is accepted. */
export async function startFakeResend(options: { apiKey?: string } = {}): Promise<FakeResend> {
  const messages: CapturedEmail[] = [];
  const byIdempotencyKey = new Map<string, { id: string; body: string }>();
  let outage: number | null = null;
  const refusedRecipients = new Set<string>();
  let refused = 0;
  let holding = false;
  const held: { go: () => void; drop: () => void }[] = [];
  const heldWaiters: { count: number; resolve: () => void }[] = [];

  const fake = await listenFake(async (req, res, body) => {
    const url = new URL(req.url ?? "/", "http://fake.local");
    // Tolerate a base URL written with a trailing slash ("//emails").
    const path = url.pathname.replace(/\/{2,}/g, "/");
    const error = (e: ResendError) => sendJson(res, e.statusCode, e);

    if (path === "/__messages") {
      if (req.method === "DELETE") {
        messages.length = 0;
        return sendJson(res, 200, { ok: true });
      }
      const to = url.searchParams.get("to")?.toLowerCase();
      return sendJson(res, 200, to ? messages.filter((m) => m.to.some((t) => t.toLowerCase().includes(to))) : messages);
    }
    if (path === "/__refuse") {
      const to = url.searchParams.get("to")?.toLowerCase();
      if (!to) return error({ statusCode: 422, name: "validation_error", message: "Missing `to`." });
      if (req.method === "DELETE") refusedRecipients.delete(to);
      else refusedRecipients.add(to);
      return sendJson(res, 200, { ok: true });
    }
    if (path !== "/emails" || req.method !== "POST") {
      return error({ statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
    }

    if (outage !== null) {
      refused++;
      return error({ statusCode: outage, name: "internal_server_error", message: "An unexpected error occurred." });
    }
    const recipients = req.headers["content-type"]?.includes("json") ? refusedIn(body.toString("utf8"), refusedRecipients) : [];
    if (recipients.length > 0) {
      refused++;
      return error({ statusCode: 422, name: "validation_error", message: `Invalid \`to\` field: ${recipients[0]}.` });
    }
    if (holding) {
      const go = await new Promise<boolean>((resolve) => {
        held.push({ go: () => resolve(true), drop: () => resolve(false) });
        for (const w of heldWaiters.filter((w) => held.length >= w.count)) w.resolve();
      });
      if (!go) {
        req.socket.destroy();
        return;
      }
    }

    const auth = req.headers.authorization ?? "";
    const key = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : "";
    if (!key) return error({ statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
    if (options.apiKey ? key !== options.apiKey : !key.startsWith("re_")) {
      return error({ statusCode: 403, name: "invalid_api_key", message: "API key is invalid." });
    }

    let payload: Record<string, unknown>;
    try {
      payload = req.headers["content-type"]?.includes("json")
        ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>)
        : await parseFields(req.headers["content-type"], body);
    } catch {
      return error({ statusCode: 400, name: "validation_error", message: "Invalid JSON body." });
    }

    const to = asList(payload.to);
    const missing = [
      ["from", typeof payload.from === "string" && payload.from !== ""],
      ["to", to.length > 0],
      ["subject", typeof payload.subject === "string" && payload.subject !== ""],
    ].find(([, ok]) => !ok);
    if (missing) {
      return error({ statusCode: 422, name: "missing_required_field", message: `Missing \`${String(missing[0])}\` field.` });
    }
    if (payload.html == null && payload.text == null && payload.template == null) {
      return error({ statusCode: 422, name: "validation_error", message: "Missing `html` or `text` field." });
    }

    // As at Resend: a retried send with the same Idempotency-Key does not send twice; the same key with
    // another payload is refused with 409 invalid_idempotent_request.
    const idemKey = req.headers["idempotency-key"];
    const idem = typeof idemKey === "string" ? `${key}\u0000${idemKey}` : undefined;
    const previous = idem ? byIdempotencyKey.get(idem) : undefined;
    if (previous && previous.body !== body.toString("utf8")) {
      return error({
        statusCode: 409,
        name: "invalid_idempotent_request",
        message: "Same idempotency key used with a different request payload.",
      });
    }
    if (previous) return sendJson(res, 200, { id: previous.id });

    const message: CapturedEmail = {
      id: randomUUID(),
      at: new Date().toISOString(),
      apiKey: key,
      from: String(payload.from),
      to,
      cc: asList(payload.cc),
      bcc: asList(payload.bcc),
      reply_to: asList(payload.reply_to),
      subject: String(payload.subject),
      html: typeof payload.html === "string" ? payload.html : null,
      text: typeof payload.text === "string" ? payload.text : null,
      headers: (payload.headers as Record<string, string> | undefined) ?? {},
      tags: Array.isArray(payload.tags) ? payload.tags : [],
    };
    messages.push(message);
    if (idem) byIdempotencyKey.set(idem, { id: message.id, body: body.toString("utf8") });
    return sendJson(res, 200, { id: message.id });
  });

  return {
    url: fake.origin,
    messages,
    failWith(status) {
      outage = status;
    },
    refused: () => refused,
    refuse: (to) => void refusedRecipients.add(to.toLowerCase()),
    accept: (to) => void refusedRecipients.delete(to.toLowerCase()),
    hold(count = 1) {
      holding = true;
      return new Promise<void>((resolve) => {
        if (held.length >= count) resolve();
        else heldWaiters.push({ count, resolve });
      });
    },
    release({ drop = false } = {}) {
      holding = false;
      heldWaiters.length = 0;
      for (const h of held.splice(0)) (drop ? h.drop : h.go)();
    },
    close: fake.close,
  };
}

/** The refused addresses a JSON send names in `to`. */
function refusedIn(body: string, refused: Set<string>): string[] {
  if (refused.size === 0) return [];
  try {
    return asList((JSON.parse(body) as { to?: unknown }).to).filter((t) => refused.has(t.toLowerCase()));
  } catch {
    return [];
  }
}

/** Reads captured mail from a fake running in another process (Playwright's global setup). */
export async function fetchCapturedEmails(fakeUrl: string, to?: string): Promise<CapturedEmail[]> {
  const query = to ? `?to=${encodeURIComponent(to)}` : "";
  const res = await fetch(`${fakeUrl}/__messages${query}`);
  if (!res.ok) throw new Error(`fake resend answered ${res.status}`);
  return (await res.json()) as CapturedEmail[];
}

/** Polls until a message to `to` arrives and returns the newest, e.g. a magic-link email after submitting a form. */
export async function waitForEmail(
  fakeUrl: string,
  to: string,
  { timeoutMs = 10_000, since }: { timeoutMs?: number; since?: Date } = {},
): Promise<CapturedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await fetchCapturedEmails(fakeUrl, to))
      .filter((m) => !since || new Date(m.at) >= since)
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email to ${to} reached the fake Resend within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first http(s) link in an email whose path contains `pathPart` (Auth.js puts its link in both bodies). */
export function findLink(message: CapturedEmail, pathPart = "/api/auth/callback/"): string | undefined {
  const bodies = [message.html ?? "", message.text ?? ""];
  for (const body of bodies) {
    for (const match of body.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
      const link = match[0].replaceAll("&amp;", "&");
      if (link.includes(pathPart)) return link;
    }
  }
  return undefined;
}
