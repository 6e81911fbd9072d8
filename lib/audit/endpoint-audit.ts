// What the audit log keeps of a webhook endpoint (client-safe): the URL's host only (its path or query may carry
// a token of the receiver's; userinfo is never part of `host`), the events and whether it is on.
export function endpointAudit(endpoint: { url: string; events: readonly string[]; enabled: boolean }): Record<string, unknown> {
  let host: string | null = null;
  try {
    host = new URL(endpoint.url).host;
  } catch {
    // Stored URLs were validated; an unreadable one is simply not named.
  }
  return { host, events: [...endpoint.events], enabled: endpoint.enabled };
}
