import "server-only";
import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import { checkUrlForm, resolveTarget, type GuardOptions } from "@/lib/webhooks/url-guard";

// One HTTP attempt of a delivery: POST the signed JSON, 10 s for the whole exchange, redirects not followed
// (undici's request never follows them), at most 1 KB of the answer kept. The target is checked again here:
// the name is resolved, every address must be public, and the connection is made to the checked address
// (the agent's lookup answers it), so a DNS answer that changes in between (rebinding) is never used.

export const TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export type AttemptResult = {
  statusCode: number | null;
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
  ok: boolean;
};

export async function postSigned(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  guard: GuardOptions = {},
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let agent: Agent | undefined;
  try {
    const url = checkUrlForm(rawUrl, guard);
    const [address] = await resolveTarget(url, guard);
    const family = address!.includes(":") ? 6 : 4;
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: address!, family }]);
      else callback(null, address!, family);
    };
    agent = new Agent({ connect: { lookup: pinned, timeout: TIMEOUT_MS }, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
    const response = await request(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "WaitForge-Webhooks/1", ...headers },
      dispatcher: agent,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const excerpt = await readExcerpt(response.body);
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return { statusCode: response.statusCode, latencyMs: elapsed(), excerpt, ok, error: ok ? null : `HTTP ${response.statusCode}` };
  } catch (error) {
    return { statusCode: null, latencyMs: elapsed(), excerpt: null, ok: false, error: describe(error) };
  } finally {
    void agent?.destroy().catch(() => undefined);
  }
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= EXCERPT_BYTES) break;
    }
  } catch {
    // A body cut off after the status line: the status decides, the excerpt is what arrived.
  } finally {
    body.destroy();
  }
  if (size === 0) return null;
  // Cut on bytes, then drop a broken trailing character.
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8").replace(/\uFFFD$/, "").replace(/\0/g, "");
}

function describe(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { name?: string; code?: string; message?: string };
    if (e.name === "TimeoutError" || e.name === "AbortError") return `timed out after ${TIMEOUT_MS / 1000} s`;
    return [e.code, e.message].filter(Boolean).join(": ").slice(0, 500) || "request failed";
  }
  return String(error).slice(0, 500);
}
