import "server-only";
import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { env } from "@/lib/env";

// What the velocity rule (lib/signups/line-join.ts) knows of a signup's address: a keyed hash of the IP (an
// IPv6 address's /64; equal ones compare equal, the address itself is not stored) and its network: the /24 of
// an IPv4 address, the /48 of an IPv6 one (what one household or small office usually gets). Unknown or unparseable → null, no rule.

export type IpNetwork = { ipHash: string; ipNet: string };

export function ipNetworkOf(ip: string | null | undefined): IpNetwork | null {
  if (!ip) return null;
  const v4 = ip.startsWith("::ffff:") && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  let net: string | null = null;
  // "One IP" for IPv6 is its /64: one host rotates privacy addresses inside it at will.
  let host = v4;
  if (isIPv4(v4)) net = `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  else if (isIPv6(ip)) {
    const hextets = expandIpv6(ip);
    net = `${hextets.slice(0, 3).join(":")}::/48`;
    host = `${hextets.slice(0, 4).join(":")}::/64`;
  }
  if (!net) return null;
  const secret = env().AUTH_SECRET ?? "waitforge-dev-velocity";
  const ipHash = createHmac("sha256", secret).update(`velocity:${host}`).digest("hex").slice(0, 32);
  return { ipHash, ipNet: net };
}

/** The eight hextets of an IPv6 address, lowercase without leading zeros (an embedded IPv4 tail counts as two). */
function expandIpv6(ip: string): string[] {
  const [head = "", tail] = ip.toLowerCase().split("%")[0]!.split("::");
  const part = (s: string) => (s === "" ? [] : s.split(":").flatMap(hextets));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => "0");
  return [...left, ...zeros, ...right].map((h) => h.replace(/^0+(?=.)/, ""));
}

function hextets(group: string): string[] {
  if (!isIPv4(group)) return [group];
  const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
