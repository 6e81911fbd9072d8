import "server-only";
import { blacklist } from "mailchecker";
import { domainSuffixes } from "@/lib/restrictions/match";

// Disposable-mail domains from the maintained mailchecker package (thousands of providers, updated with each
// release), never a hand-typed list. A subdomain of a listed domain is disposable too (mailchecker's own rule).
const DISPOSABLE: ReadonlySet<string> = blacklist();

export function isDisposableDomain(domain: string): boolean {
  return domainSuffixes(domain).some((d) => DISPOSABLE.has(d));
}
