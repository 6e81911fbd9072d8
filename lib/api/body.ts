import "server-only";
import { AppError } from "@/lib/errors";
import { assertNoNul } from "@/lib/api/nul";

/**
 * Reads a JSON object body, refusing by size before parsing anything: the Content-Length header is checked
 * first, and the stream is cut off as soon as it passes the limit (a missing or lying header changes nothing).
 */
export async function readJsonObject(req: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new AppError("invalid_content_type", "Send the body as JSON with the header Content-Type: application/json.");
  }
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body is larger than the ${maxBytes}-byte limit.`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("bad_json", "The request body is not valid JSON.");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AppError("bad_json", "The request body must be a JSON object.");
  }
  assertNoNul(parsed);
  return parsed as Record<string, unknown>;
}

/** Yields a request body's chunks, failing with payload_too_large once more than maxBytes arrived. */
export async function* limitedBody(req: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const tooLarge = () =>
    new AppError("payload_too_large", `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) return;
  let size = 0;
  const reader = req.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
