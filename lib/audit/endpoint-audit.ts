import "server-only";
import { createHash } from "node:crypto";

// What the audit log keeps of a webhook endpoint: the URL's host (userinfo is never part of `host`) and a
// fingerprint of the whole URL (its path or query may carry a token of the receiver's, so it is not stored,
// but re-pointing an endpoint to another path of the same host still shows as a different fingerprint), the
// events and whether it is on.
export function endpointAudit(endpoint: { url: string; events?: readonly string[]; enabled?: boolean }): Record<string, unknown> {
  let host: string | null = null;
  try {
    host = new URL(endpoint.url).host;
  } catch {
    // Stored URLs were validated; an unreadable one is simply not named.
  }
  const fingerprint = createHash("sha256").update(endpoint.url).digest("hex").slice(0, 12);
  return {
    host,
    url_fingerprint: fingerprint,
    ...(endpoint.events ? { events: [...endpoint.events] } : {}),
    ...(endpoint.enabled === undefined ? {} : { enabled: endpoint.enabled }),
  };
}
