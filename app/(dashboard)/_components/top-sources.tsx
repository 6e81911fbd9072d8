import Link from "next/link";
import type { TopSource } from "@/lib/attribution/sources";

// The overview's "Top sources": each label links to the signups table filtered by it.

export function TopSources({ waitlistId, sources }: { waitlistId: string; sources: TopSource[] }) {
  if (sources.length === 0) {
    return (
      <p className="text-sm text-muted">
        Nobody joined in the last 30 days. Add <code className="font-mono text-xs">?utm_source=…</code> to the links you
        share to see which ones bring people.
      </p>
    );
  }
  const best = sources[0]?.signups ?? 1;
  return (
    <ol className="space-y-3" data-testid="top-sources">
      {sources.map((s, i) => (
        <li key={s.source} className="text-sm">
          <div className="flex items-baseline justify-between gap-3">
            <span className="flex min-w-0 items-baseline gap-2">
              <span className="w-4 shrink-0 text-xs text-muted tabular-nums">{i + 1}</span>
              <Link
                href={`/dashboard/w/${waitlistId}/signups?${new URLSearchParams({ source: s.source })}`}
                className="truncate text-ink underline-offset-4 hover:underline"
                title={`Show the signups from ${s.source}`}
              >
                {s.source}
              </Link>
            </span>
            <span className="shrink-0 font-medium text-ink tabular-nums">{s.signups.toLocaleString("en-US")}</span>
          </div>
          <div className="mt-1.5 ml-6 h-1 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
            <div className="h-full rounded-full bg-brand-400" style={{ width: `${(s.signups / best) * 100}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
