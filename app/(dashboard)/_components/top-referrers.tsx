import type { WaitlistStats } from "@/lib/waitlists/stats";

export function TopReferrers({ referrers }: { referrers: WaitlistStats["top_referrers"] }) {
  if (referrers.length === 0) {
    return (
      <p className="text-sm text-muted">
        Nobody has referred anyone yet. Everyone who joins gets a personal link; when their friends join
        through it, they show up here.
      </p>
    );
  }
  const best = referrers[0]?.referrals ?? 1;
  return (
    <ol className="space-y-3">
      {referrers.map((r, i) => (
        <li key={r.ref_code} className="text-sm">
          <div className="flex items-baseline justify-between gap-3">
            <span className="flex min-w-0 items-baseline gap-2">
              <span className="w-4 shrink-0 text-xs text-muted tabular-nums">{i + 1}</span>
              <span className="truncate text-ink" title={r.email}>
                {r.name ? (
                  <>
                    {r.name} <span className="text-muted">· {r.email}</span>
                  </>
                ) : (
                  r.email
                )}
              </span>
            </span>
            <span className="shrink-0 font-medium text-ink tabular-nums">{r.referrals}</span>
          </div>
          <div className="mt-1.5 ml-6 h-1 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
            <div className="h-full rounded-full bg-brand-400" style={{ width: `${(r.referrals / best) * 100}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
