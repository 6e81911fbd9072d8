import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// SSRF guard for webhook targets. Only public unicast addresses may be reached: anything ipaddr.js does not
// classify as "unicast" (loopback, private, link-local incl. 169.254.169.254, CGNAT, unique-local, unspecified,
// multicast, broadcast, reserved, documentation, NAT64/6to4/Teredo wrappers...) is refused, and an IPv4-mapped
// IPv6 address is judged as the IPv4 address it carries. Checked when an endpoint is saved and again at every
// delivery, after DNS, on the very address the connection then uses (send.ts pins it).

/** Resolves a host name to its addresses; injectable so tests can make a name resolve anywhere, offline. */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export type GuardOptions = { allowPrivate?: boolean; requireHttps?: boolean; resolve?: Resolver };

function defaults(options: GuardOptions): Required<GuardOptions> {
  const e = env();
  const allowPrivate = options.allowPrivate ?? e.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? false;
  return {
    allowPrivate,
    requireHttps: options.requireHttps ?? (e.NODE_ENV === "production" && !allowPrivate),
    resolve: options.resolve ?? systemResolver,
  };
}

function refuse(message: string): never {
  throw new AppError("invalid_webhook_url", message, "url");
}

/** Why an address may not be a webhook target, or null when it is a public unicast address. */
export function forbiddenRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range !== "unicast") return range;
  // IPv6 is public only inside global unicast 2000::/3: ipaddr.js calls the rest "unicast" too, including the
  // deprecated IPv4-compatible ::a.b.c.d (::127.0.0.1, ::169.254.169.254) and unassigned space.
  if (ip.kind() === "ipv6" && !(ip as ipaddr.IPv6).match(ipaddr.IPv6.parse("2000::"), 3)) return "reserved";
  return null;
}

function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "localhost.localdomain";
}

/** The URL's host without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Parses and checks the URL's form: scheme, no credentials, no local names, no internal IP literal. */
export function checkUrlForm(raw: string, options: GuardOptions = {}): URL {
  const o = defaults(options);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    refuse("Enter a full URL, e.g. https://example.com/webhooks/waitforge.");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !o.requireHttps)) {
    refuse(o.requireHttps ? "Webhook URLs must use https." : "Webhook URLs must use https (or http).");
  }
  if (url.username || url.password) refuse("Webhook URLs cannot contain a user name or password.");
  if (o.allowPrivate) return url;
  const host = bareHost(url);
  if (isLocalName(host)) refuse("Webhook URLs cannot point at localhost.");
  if (ipaddr.isValid(host)) {
    const range = forbiddenRange(host);
    if (range) refuse(`Webhook URLs cannot point at an internal address (${range}).`);
  }
  return url;
}

/**
 * Resolves the URL's host and answers the addresses it may be reached at. Every address the name resolves to
 * must be public: one internal answer refuses the URL (a rebinding name can hand out either).
 */
export async function resolveTarget(url: URL, options: GuardOptions = {}): Promise<string[]> {
  const o = defaults(options);
  const host = bareHost(url);
  if (ipaddr.isValid(host)) return [host];
  let addresses: string[];
  try {
    addresses = await o.resolve(host);
  } catch {
    refuse(`The host ${host} could not be resolved.`);
  }
  if (addresses.length === 0) refuse(`The host ${host} could not be resolved.`);
  if (!o.allowPrivate) {
    for (const address of addresses) {
      const range = forbiddenRange(address);
      if (range) refuse(`The host ${host} resolves to an internal address (${range}).`);
    }
  }
  return addresses;
}

/** The check at save: form, then DNS. Answers the normalised URL. */
export async function checkWebhookUrl(raw: string, options: GuardOptions = {}): Promise<string> {
  const url = checkUrlForm(raw, options);
  await resolveTarget(url, options);
  return url.toString();
}
