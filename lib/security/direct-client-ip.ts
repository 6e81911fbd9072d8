import type { IncomingMessage, Server } from "node:http";

// With TRUSTED_PROXY_HOPS=0 clients reach this server directly, and whatever X-Forwarded-For they send is a
// lie we cannot tell from the truth: `next start` keeps a client's header and only fills it in when absent.
// Route handlers never see the socket, so the header is overwritten with the socket's address at the door,
// before Next reads it. Installed once from instrumentation.ts, in the Node.js runtime only.

type Emit = Server["emit"];
const holder = globalThis as typeof globalThis & { __waitforgeDirectClientIp?: boolean };

export function trustOnlyTheSocket(server: { prototype: Server }): void {
  if (holder.__waitforgeDirectClientIp) return;
  holder.__waitforgeDirectClientIp = true;
  const original: Emit = server.prototype.emit;
  server.prototype.emit = function emit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
      delete req.headers["x-real-ip"];
    }
    return Reflect.apply(original, this, [event, ...args]) as boolean;
  } as Emit;
}
