import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// The plumbing shared by the local fakes of third-party APIs (Turnstile siteverify, Resend): listen on a free
// loopback port, read bodies, answer JSON, and close without waiting for slow or keep-alive connections.

export type FakeHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

export type FakeHttpServer = { origin: string; server: Server; close(): Promise<void> };

const MAX_BODY_BYTES = 1024 * 1024;

export async function listenFake(handler: FakeHandler, host = "127.0.0.1"): Promise<FakeHttpServer> {
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => handler(req, res, body))
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: String(error) });
        else res.destroy();
      });
  });
  // Keep-alive sockets from fetch() would otherwise hold close() open for seconds.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://${host}:${port}`,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large for a fake");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Parses a form (urlencoded or multipart) or JSON body into string fields, the way the real APIs accept
 * either. Multipart goes through the WHATWG Request parser rather than a hand-written one.
 */
export async function parseFields(contentType: string | undefined, body: Buffer): Promise<Record<string, string>> {
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("application/json")) {
    const data: unknown = JSON.parse(body.toString("utf8") || "{}");
    if (!data || typeof data !== "object") return {};
    return Object.fromEntries(
      Object.entries(data).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)]),
    );
  }
  if (type.includes("multipart/form-data")) {
    const form = await new Request("http://fake.local/", {
      method: "POST",
      headers: { "content-type": contentType ?? "" },
      body: new Uint8Array(body),
    }).formData();
    const out: Record<string, string> = {};
    form.forEach((value, key) => {
      if (typeof value === "string") out[key] = value;
    });
    return out;
  }
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
