import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { DeliveryView } from "@/lib/webhooks/deliveries";
import { ResendButton } from "./resend-button";

// The recent deliveries of every endpoint, newest first; each opens to its attempts (status, latency, the start
// of the answer, the error).

const TONES: Record<string, BadgeTone> = { succeeded: "success", failed: "danger", pending: "warning" };
const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** `canEdit` false (a viewer): the log without Resend buttons. */
export function DeliveryLog({ waitlistId, deliveries, canEdit }: { waitlistId: string; deliveries: DeliveryView[]; canEdit: boolean }) {
  if (deliveries.length === 0) {
    return (
      <Card className="px-6 py-10 text-center" data-testid="no-webhook-deliveries">
        <p className="text-sm font-semibold text-ink">No deliveries yet</p>
        <p className="mt-1 text-sm text-muted">Events appear here as soon as something happens on the list, or when you send a test event.</p>
      </Card>
    );
  }
  return (
    <Card className="divide-y divide-line" data-testid="webhook-deliveries">
      {deliveries.map((d) => (
        <div key={d.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-testid="webhook-delivery">
          <details className="min-w-0 flex-1">
            <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-sm">
              <Badge tone={TONES[d.status] ?? "neutral"}>{d.status}</Badge>
              <code className="font-mono text-xs text-ink">{d.event_type}</code>
              <span className="truncate text-muted">{d.endpoint_url}</span>
              <span className="text-xs text-muted">
                {when(d.created_at)} UTC · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                {d.next_attempt_at ? ` · next ${when(d.next_attempt_at)} UTC` : ""}
              </span>
            </summary>
            {d.attempt_log.length === 0 ? (
              <p className="mt-2 text-sm text-muted">Not attempted yet.</p>
            ) : (
              <ol className="mt-2 space-y-2 text-xs">
                {d.attempt_log.map((a) => (
                  <li key={a.attempted_at} className="rounded border border-line bg-surface p-2">
                    <p className="text-ink">
                      {when(a.attempted_at)} UTC · {a.status_code === null ? "no answer" : `HTTP ${a.status_code}`} · {a.latency_ms} ms
                    </p>
                    {a.error ? <p className="text-red-700">{a.error}</p> : null}
                    {a.response_excerpt ? <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all text-muted">{a.response_excerpt}</pre> : null}
                  </li>
                ))}
              </ol>
            )}
          </details>
          {canEdit ? <ResendButton waitlistId={waitlistId} deliveryId={d.id} label={`the ${d.event_type} delivery of ${when(d.created_at)}`} /> : null}
        </div>
      ))}
    </Card>
  );
}
