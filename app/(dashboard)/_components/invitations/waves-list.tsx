import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatInZone, WEEKDAYS } from "@/lib/invitations/schedule";
import type { Wave } from "@/lib/invitations/waves";
import { CancelWaveButton } from "./cancel-wave-button";

// The list's waves, with times shown in the list's zone. A stalled wave (its run is overdue: the run's job failed)
// says so and points to where that run can be retried.

function describe(w: Wave, timeZone: string): string {
  const people = `Top ${w.size.toLocaleString("en-US")}`;
  if (w.kind === "daily") return `${people} every day at ${w.time}`;
  if (w.kind === "weekly") return `${people} every ${WEEKDAYS[w.weekday ?? 0]} at ${w.time}`;
  return `${people} once${w.next_run_at ? ` on ${formatInZone(new Date(w.next_run_at), timeZone)}` : ""}`;
}

type Props = {
  waitlistId: string;
  waves: Wave[];
  timeZone: string;
  /** false for a viewer: the waves without their Cancel buttons. */
  canEdit: boolean;
};

export function WavesList({ waitlistId, waves, timeZone, canEdit }: Props) {
  if (waves.length === 0) {
    return <p className="text-sm text-muted">{canEdit ? "No waves yet. Schedule one above, and it runs on its own." : "No waves yet."}</p>;
  }
  return (
    <ul className="divide-y divide-line" aria-label="Waves">
      {waves.map((w) => {
        const label = describe(w, timeZone);
        return (
          <li key={w.id} data-testid="wave" className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="text-sm font-medium text-ink">{label}</p>
              <p className="text-xs text-muted">
                {w.status === "scheduled" && w.next_run_at ? `Next run: ${formatInZone(new Date(w.next_run_at), timeZone)}` : null}
                {w.last_run_at
                  ? `${w.status === "scheduled" ? " · " : ""}Last run: ${formatInZone(new Date(w.last_run_at), timeZone)}, ${w.last_invited_count ?? 0} invited`
                  : null}
              </p>
              {w.stalled ? (
                <p className="text-xs text-red-700" data-testid="wave-stalled">
                  This run is overdue and the wave is stuck until it runs:{" "}
                  <Link href={`/dashboard/w/${waitlistId}/emails`} className="underline">
                    {canEdit ? "retry it under Email delivery" : "an admin can retry it under Email delivery"}
                  </Link>
                  , or cancel the wave.
                </p>
              ) : null}
            </div>
            <div className="flex items-center gap-2">
              {w.stalled ? (
                <Badge tone="danger">stalled</Badge>
              ) : (
                <Badge tone={w.status === "scheduled" ? "brand" : w.status === "done" ? "success" : "neutral"}>{w.status}</Badge>
              )}
              {canEdit && w.status === "scheduled" ? <CancelWaveButton waitlistId={waitlistId} waveId={w.id} label={label} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
