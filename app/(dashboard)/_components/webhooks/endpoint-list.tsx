import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { WebhookEndpointView } from "@/lib/webhooks/endpoints";
import { EndpointActions } from "./endpoint-actions";

// The list's endpoints: where events go, which ones, whether it is on, and why it was turned off.

/** `canEdit` false (a viewer): the endpoints without their buttons. */
export function EndpointList({ waitlistId, endpoints, canEdit }: { waitlistId: string; endpoints: WebhookEndpointView[]; canEdit: boolean }) {
  if (endpoints.length === 0) {
    return (
      <Card className="px-6 py-10 text-center" data-testid="no-webhook-endpoints">
        <p className="text-sm font-semibold text-ink">No endpoints yet</p>
        <p className="mt-1 text-sm text-muted">
          {canEdit ? "Add a URL below and WaitForge will POST signed events to it." : "An admin can add a URL for WaitForge to POST signed events to."}
        </p>
      </Card>
    );
  }
  return (
    <ul className="space-y-3" data-testid="webhook-endpoints">
      {endpoints.map((e) => (
        <li key={e.id}>
          <Card className="space-y-3 p-4" data-testid="webhook-endpoint">
            <div className="flex flex-wrap items-center gap-2">
              <code className="break-all font-mono text-sm text-ink">{e.url}</code>
              {e.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>}
              {e.previous_secret_expires_at ? <Badge tone="warning">Previous secret valid until {e.previous_secret_expires_at.slice(0, 16).replace("T", " ")} UTC</Badge> : null}
            </div>
            {e.description ? <p className="text-sm text-muted">{e.description}</p> : null}
            {e.disabled_reason ? (
              <p role="note" className="rounded-control border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                Disabled automatically: {e.disabled_reason} Enable it again once the receiver works.
              </p>
            ) : null}
            <div className="flex flex-wrap gap-1">
              {e.events.map((t) => (
                <Badge key={t} tone="brand">
                  {t}
                </Badge>
              ))}
            </div>
            {canEdit ? <EndpointActions waitlistId={waitlistId} endpoint={e} /> : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}
