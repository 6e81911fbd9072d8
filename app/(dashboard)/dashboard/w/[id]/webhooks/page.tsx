import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { dashboardWaitlist } from "@/lib/dashboard/gate";
import { maskDeliveries, maskEndpoints } from "@/lib/webhooks/masking";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { MAX_ENDPOINTS_PER_WAITLIST } from "@/lib/webhooks/schemas";
import { DeliveryLog } from "../../../../_components/webhooks/delivery-log";
import { EndpointForm } from "../../../../_components/webhooks/endpoint-form";
import { EndpointList } from "../../../../_components/webhooks/endpoint-list";
import { ResendFailedForm } from "../../../../_components/webhooks/resend-failed-form";
import { ViewOnlyNote } from "../../../../_components/view-only-note";

export const metadata: Metadata = { title: "Webhooks" };

type Props = { params: Promise<{ id: string }> };

export default async function WebhooksPage({ params }: Props) {
  const { id } = await params;
  const returnTo = `/dashboard/w/${id}/webhooks`;
  const waitlist = await dashboardWaitlist(id, returnTo);
  const [allEndpoints, fullLog] = await Promise.all([
    listEndpoints(waitlist.team_id, waitlist.id),
    listDeliveries(waitlist.team_id, waitlist.id, { limit: 25 }),
  ]);
  // Viewers see endpoint URLs as scheme and host only (lib/webhooks/masking.ts).
  const endpoints = maskEndpoints(allEndpoints, waitlist.role);
  const log = { ...fullLog, deliveries: maskDeliveries(fullLog.deliveries, waitlist.role) };

  return (
    <div className="space-y-8">
      <section className="space-y-4">
        <div>
          <h2 className="text-lg font-semibold text-ink">Webhook endpoints</h2>
          <p className="mt-1 max-w-3xl text-sm text-muted">
            WaitForge POSTs a signed JSON event to your endpoints when people sign up, confirm, are let in, join or leave
            (Standard Webhooks signatures; see <a href="https://www.standardwebhooks.com" target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline">standardwebhooks.com</a>).
            Failed deliveries are retried with growing pauses for about a day; an endpoint that fails for three days is
            disabled and you get an email.
          </p>
        </div>
        {/* Adding, editing, testing, rotating and resending are an admin's; a viewer reads endpoints and the log. */}
        {waitlist.canEdit ? null : <ViewOnlyNote />}
        <EndpointList waitlistId={waitlist.id} endpoints={endpoints} canEdit={waitlist.canEdit} />
        {!waitlist.canEdit ? null : endpoints.length < MAX_ENDPOINTS_PER_WAITLIST ? (
          <Card className="p-5">
            <h3 className="mb-4 text-sm font-semibold text-ink">Add an endpoint</h3>
            <EndpointForm waitlistId={waitlist.id} />
          </Card>
        ) : (
          <p className="text-sm text-muted">This list has the most endpoints it can have ({MAX_ENDPOINTS_PER_WAITLIST}).</p>
        )}
      </section>
      <section className="space-y-4">
        <div>
          <h2 className="text-lg font-semibold text-ink">Recent deliveries</h2>
          <p className="mt-1 text-sm text-muted">The newest 25, with every attempt. Resend one, or every failed one since a time.</p>
        </div>
        {waitlist.canEdit ? <ResendFailedForm waitlistId={waitlist.id} /> : null}
        <DeliveryLog waitlistId={waitlist.id} deliveries={log.deliveries} canEdit={waitlist.canEdit} />
      </section>
    </div>
  );
}
