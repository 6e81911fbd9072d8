// Which address a request comes from, as far as our proxies can vouch for it.
//
// X-Forwarded-For is a list each proxy appends to; the entries left of the ones our own proxies added were
// written by the client and can be anything. So with TRUSTED_PROXY_HOPS=N we take the N-th entry from the
// right (0 = the last one). When the edge sets a single trusted header (Cloudflare's CF-Connecting-IP,
// nginx's X-Real-IP), name it in CLIENT_IP_HEADER and it wins.

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
    const index = Math.max(0, entries.length - 1 - options.hops);
    const picked = entries[index];
    if (picked) return picked.slice(0, MAX_IP_LENGTH);
  }
  return headers.get("x-real-ip")?.trim().slice(0, MAX_IP_LENGTH) || "unknown";
}
