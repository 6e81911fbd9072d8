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
  const bytes = await readBytes(req, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(STRICT_UTF8.decode(bytes));
  } catch {
    throw new AppError("bad_json", "The request body is not valid JSON.");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AppError("bad_json", "The request body must be a JSON object.");
  }
  assertNoNul(parsed);
  return parsed as Record<string, unknown>;
}

// Decoding in one call keeps no state between calls, so one decoder of each kind serves every request.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
const UTF8 = new TextDecoder();

/** The whole body as UTF-8 text, refused by size before and while reading (never buffered past the limit). */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  return UTF8.decode(await readBytes(req, maxBytes));
}

async function readBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = `The request body is larger than the ${maxBytes}-byte limit.`;
  const declared = req.headers.get("content-length");
  if (declared !== null && DIGITS.test(declared) && Number(declared) <= maxBytes) {
    // A declared length within the limit is read in one go (far fewer promises and stream steps than chunk by
    // chunk, on every signup): Node's HTTP parser delivers exactly that many bytes and refuses a request that
    // also says chunked. The check after reading is for callers that build a Request themselves.
    const bytes = new Uint8Array(await req.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw new AppError("payload_too_large", tooLarge);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of limitedBody(req, maxBytes, tooLarge)) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

const DIGITS = /^\d{1,15}$/;

/** Yields a request body's chunks, failing with payload_too_large once more than maxBytes arrived. */
export async function* limitedBody(
  req: Request,
  maxBytes: number,
  message = `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`,
): AsyncGenerator<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const tooLarge = () => new AppError("payload_too_large", message);
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
