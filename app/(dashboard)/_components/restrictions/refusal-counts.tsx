import { RULE_NAMES, type RestrictionRule } from "@/lib/restrictions/schemas";

// The per-rule refusal counters of the last 7 days (lib/restrictions/refusals.ts).

export const RULE_LABELS: Record<RestrictionRule, string> = {
  allowlist: "Not on the allowlist",
  blocklist: "Blocklist",
  disposable: "Disposable email",
  subaddress: "+tag addresses",
  keyword: "Banned keywords",
  country: "Country",
};

export function RefusalCounts({ counts }: { counts: Record<RestrictionRule, number> }) {
  const total = RULE_NAMES.reduce((sum, rule) => sum + counts[rule], 0);
  return (
    <div className="space-y-3">
      {total === 0 ? <p className="text-sm text-muted">No signups were refused in the last 7 days.</p> : null}
      <dl className="grid gap-3 sm:grid-cols-3" aria-label="Refusals by rule, last 7 days">
        {RULE_NAMES.map((rule) => (
          <div key={rule} className="rounded-lg border border-line p-3" data-rule={rule}>
            <dt className="text-xs text-muted">{RULE_LABELS[rule]}</dt>
            <dd className="text-xl font-semibold text-ink tabular-nums">{counts[rule].toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
