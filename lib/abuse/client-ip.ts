import { env } from "@/lib/env";

// Which address a request comes from, as far as our proxies can vouch for it.
//
// X-Forwarded-For is a list each proxy appends to; the entries left of the ones our own proxies added were
// written by the client and can be anything. So behind TRUSTED_PROXY_HOPS=N proxies we take the N-th entry
// from the right: the address the outermost of our proxies saw. With 0 (clients connect directly) the server
// itself overwrites the header with the socket's address at the door (lib/security/direct-client-ip.ts), so
// the last entry is that. When the edge sets a single trusted header (Cloudflare's CF-Connecting-IP, nginx's
// X-Real-IP), name it in CLIENT_IP_HEADER and it wins.

export type ClientIpOptions = { header?: string; hops: number };

const MAX_IP_LENGTH = 64;

export function clientIp(headers: Headers, options: ClientIpOptions): string {
  if (options.header) {
    const value = headers.get(options.header)?.trim();
    if (value) return value.slice(0, MAX_IP_LENGTH);
  }
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const entries = forwarded
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    const index = Math.max(0, entries.length - Math.max(1, options.hops));
    const picked = entries[index];
    if (picked) return picked.slice(0, MAX_IP_LENGTH);
  }
  return headers.get("x-real-ip")?.trim().slice(0, MAX_IP_LENGTH) || "unknown";
}

/** The client address of a request under this deployment's configuration. */
export function clientIpOf(headers: Headers): string {
  const e = env();
  return clientIp(headers, { header: e.CLIENT_IP_HEADER, hops: e.proxyHops });
}
