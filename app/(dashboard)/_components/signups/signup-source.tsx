import { UTM_KEYS } from "@/lib/attribution/rules";
import type { SignupRow } from "@/lib/signups/queries";

// A signup's source in the table: the label, and on demand what it was made of (utm_*, the referring site, the
// referral code used) and the signup's metadata. A native <details>: keyboard and screen readers for free.

export function SignupSource({ signup }: { signup: Pick<SignupRow, "source" | "attribution" | "metadata"> }) {
  const a = signup.attribution ?? {};
  const facts: [string, string][] = [
    ...UTM_KEYS.flatMap((k): [string, string][] => (a[k] ? [[k, a[k]]] : [])),
    ...(a.referrer ? [["referring site", a.referrer] as [string, string]] : []),
    ...(a.ref ? [["referral code", a.ref] as [string, string]] : []),
    ...Object.entries(signup.metadata ?? {}).map(([k, v]): [string, string] => [`metadata.${k}`, v === null ? "null" : String(v)]),
  ];
  const label = <span className="inline-flex max-w-40 truncate rounded-md bg-zinc-100 px-2 py-0.5 text-xs font-medium text-ink">{signup.source}</span>;
  if (facts.length === 0) return label;
  return (
    <details className="group w-40 text-xs">
      <summary className="cursor-pointer list-none rounded-md [&::-webkit-details-marker]:hidden focus-visible:outline-2 focus-visible:outline-brand-500" aria-label={`Source ${signup.source}: show details`}>
        {label}
        <span aria-hidden="true" className="ml-1 text-muted group-open:hidden">▸</span>
        <span aria-hidden="true" className="ml-1 hidden text-muted group-open:inline">▾</span>
      </summary>
      <dl className="mt-2 space-y-1">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-muted">{k}</dt>
            <dd className="line-clamp-2 break-all text-ink" title={v}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
