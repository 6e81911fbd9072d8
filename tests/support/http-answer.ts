// Calls to the running production server from fault tests, each bounded in time, and what came back,
// classified: "ok", a documented error code, or what went wrong with the answer itself.

export type HttpAnswer =
  | { kind: "answer"; status: number; contentType: string; body: unknown; text: string; ms: number }
  | { kind: "no-answer"; reason: "timeout" | "network"; message: string; ms: number };

export async function call(url: string, init: RequestInit & { timeoutMs: number }): Promise<HttpAnswer> {
  const started = Date.now();
  const { timeoutMs, ...rest } = init;
  try {
    const res = await fetch(url, { ...rest, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { kind: "answer", status: res.status, contentType: res.headers.get("content-type") ?? "", body, text, ms: Date.now() - started };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message = error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error);
    const reason = name === "TimeoutError" || name === "AbortError" ? "timeout" : "network";
    return { kind: "no-answer", reason, message, ms: Date.now() - started };
  }
}

/**
 * The public API's requests as they arrive through one trusted proxy (TRUSTED_PROXY_HOPS=1) from `ip`: the
 * proxy appended the address it saw, and the client wrote something of its own to the left of it.
 */
export function fromClient(ip: string, extra: Record<string, string> = {}): Record<string, string> {
  return { "x-forwarded-for": `203.0.113.66, ${ip}`, ...extra };
}

export async function postSignup(
  baseUrl: string,
  slug: string,
  body: Record<string, unknown>,
  options: { ip: string; timeoutMs: number },
): Promise<HttpAnswer> {
  return call(`${baseUrl}/api/public/${slug}/signup`, {
    method: "POST",
    headers: fromClient(options.ip, { "content-type": "application/json" }),
    body: JSON.stringify(body),
    timeoutMs: options.timeoutMs,
  });
}

type ErrorShape = { ok: false; error: { code: string; message: string; field?: string } };

/** The one documented error shape, exactly: `{ok:false, error:{code, message, field?}}` served as JSON. */
export function documentedError(answer: HttpAnswer): ErrorShape | undefined {
  if (answer.kind !== "answer" || !answer.contentType.startsWith("application/json")) return undefined;
  const body = answer.body as Partial<ErrorShape> | undefined;
  const error = body?.error;
  if (!body || body.ok !== false || !error || Object.keys(body).length !== 2) return undefined;
  if (typeof error.code !== "string" || typeof error.message !== "string" || error.message === "") return undefined;
  const extra = Object.keys(error).filter((k) => !["code", "message", "field"].includes(k));
  return extra.length === 0 ? (body as ErrorShape) : undefined;
}

/**
 * One label per answer, for tallies: "200 ok", "<status> <code>" for a documented error, otherwise what was
 * wrong ("500 not-json", "no answer: timeout", ...), which no test accepts.
 */
export function label(answer: HttpAnswer): string {
  if (answer.kind === "no-answer") return `no answer: ${answer.reason}`;
  const json = answer.contentType.startsWith("application/json") && answer.body !== undefined;
  // Success bodies differ by endpoint (signup: ok:true, config: the config itself); never ok:false.
  if (answer.status === 200 && json && (answer.body as { ok?: unknown }).ok !== false) return "200 ok";
  const error = documentedError(answer);
  if (error) return `${answer.status} ${error.error.code}`;
  return `${answer.status} ${answer.body === undefined ? "not-json" : "undocumented-body"}`;
}

export function tally(labels: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const l of labels) counts[l] = (counts[l] ?? 0) + 1;
  return counts;
}
