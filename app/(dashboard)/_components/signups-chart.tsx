import type { WaitlistStats } from "@/lib/waitlists/stats";

// Signups per UTC day as plain SVG bars: server-rendered, no chart library, and an equivalent table for
// screen readers (the SVG itself is one labelled image).

const WIDTH = 600;
const HEIGHT = 160;
const GAP = 4;

const dayLabel = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** A round axis maximum (1, 2, 5, 10, 20, 50 ...) at or above the busiest day. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function SignupsChart({ perDay }: { perDay: WaitlistStats["per_day"] }) {
  const total = perDay.reduce((sum, d) => sum + d.signups, 0);
  const max = niceMax(Math.max(0, ...perDay.map((d) => d.signups)));
  const barWidth = (WIDTH - GAP * (perDay.length - 1)) / Math.max(perDay.length, 1);
  const first = perDay[0];
  const last = perDay.at(-1);
  const summary = `${total} signups in the last ${perDay.length} days${last ? `, ${last.signups} today` : ""}.`;

  return (
    <figure>
      <div className="flex gap-3">
        <div className="flex h-40 flex-col justify-between py-px text-right text-[11px] text-muted tabular-nums" aria-hidden="true">
          <span>{max}</span>
          <span>{max / 2}</span>
          <span>0</span>
        </div>
        <div className="relative h-40 flex-1">
          <div aria-hidden="true" className="absolute inset-0 flex flex-col justify-between">
            <span className="border-t border-dashed border-line" />
            <span className="border-t border-dashed border-line" />
            <span className="border-t border-line" />
          </div>
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={`Signups per day. ${summary}`}
            className="relative size-full"
          >
            {perDay.map((d, i) => {
              const h = d.signups === 0 ? 0 : Math.max(2, (d.signups / max) * HEIGHT);
              return (
                <rect
                  key={d.date}
                  x={i * (barWidth + GAP)}
                  y={HEIGHT - h}
                  width={barWidth}
                  height={h}
                  rx={2}
                  className={i === perDay.length - 1 ? "fill-brand-600" : "fill-brand-300 hover:fill-brand-500"}
                >
                  <title>{`${dayLabel(d.date)}: ${d.signups} ${d.signups === 1 ? "signup" : "signups"}`}</title>
                </rect>
              );
            })}
          </svg>
        </div>
      </div>
      <div className="mt-2 flex justify-between pl-8 text-[11px] text-muted" aria-hidden="true">
        <span>{first ? dayLabel(first.date) : ""}</span>
        <span>Today</span>
      </div>
      {total === 0 ? (
        <figcaption className="mt-3 text-sm text-muted">
          No signups in the last 30 days yet. Share the hosted page link to get the first ones.
        </figcaption>
      ) : (
        <figcaption className="sr-only">{summary}</figcaption>
      )}
      {/* sr-only on a wrapper: a <table> ignores overflow, so its rows would still stretch the page. */}
      <div className="sr-only">
        <table>
          <caption>Signups per day (UTC)</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Signups</th>
            </tr>
          </thead>
          <tbody>
            {perDay.map((d) => (
              <tr key={d.date}>
                <td>{dayLabel(d.date)}</td>
                <td>{d.signups}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
