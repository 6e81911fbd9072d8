import type { Role } from "@/lib/teams/roles";

// What a viewer (or a read-only key) sees of a webhook endpoint: the URL's scheme and the last two labels of its
// host, and no receiver answers. Catch URLs of Slack, Zapier or Pipedream are passwords in themselves (whoever
// has one can post to it; Pipedream's secret is even the host's first label, eoXXXX.m.pipedream.net), and a
// receiver's error page often echoes the path; so reading the team's dashboard must not hand them out. Admins
// and owners, who can change endpoints anyway, see everything.

export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    const labels = u.hostname.split(".");
    const ip = /^[\d.]+$/.test(u.hostname) || u.hostname.startsWith("[");
    const host = ip || labels.length <= 2 ? u.hostname : `***.${labels.slice(-2).join(".")}`;
    return `${u.protocol}//${host}/***`;
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

type Attempt = { response_excerpt: string | null };

export function maskDeliveries<T extends { endpoint_url: string; attempt_log: Attempt[] }>(rows: T[], role: Role | undefined): T[] {
  if (seesWebhookUrls(role)) return rows;
  return rows.map((r) => ({
    ...r,
    endpoint_url: maskWebhookUrl(r.endpoint_url),
    attempt_log: r.attempt_log.map((a) => ({ ...a, response_excerpt: a.response_excerpt === null ? null : "(hidden from viewers)" })),
  }));
}
