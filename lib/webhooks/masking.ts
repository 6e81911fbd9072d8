import type { Role } from "@/lib/teams/roles";

// What a viewer (or a read-only key) sees of a webhook endpoint's URL: its scheme and host only. Catch URLs of
// Slack, Zapier or Pipedream are passwords in themselves (whoever has one can post to it), so reading the
// team's dashboard must not hand them out; admins and owners, who can change endpoints anyway, see them whole.

export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname === "/" && !u.search ? `${u.protocol}//${u.host}/` : `${u.protocol}//${u.host}/***`;
  } catch {
    return "***";
  }
}

export function seesWebhookUrls(role: Role | undefined): boolean {
  return role === "admin" || role === "owner";
}

export function maskEndpoints<T extends { url: string }>(rows: T[], role: Role | undefined): T[] {
  return seesWebhookUrls(role) ? rows : rows.map((r) => ({ ...r, url: maskWebhookUrl(r.url) }));
}

export function maskDeliveries<T extends { endpoint_url: string }>(rows: T[], role: Role | undefined): T[] {
  return seesWebhookUrls(role) ? rows : rows.map((r) => ({ ...r, endpoint_url: maskWebhookUrl(r.endpoint_url) }));
}
