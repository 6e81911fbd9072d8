import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { resendFailedSince } from "@/lib/webhooks/deliveries";
import { resendFailedSchema } from "@/lib/webhooks/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// POST {since}: sends again every failed delivery (of enabled endpoints) queued at or after `since`.
export const POST = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const { since } = await parseJsonBody(req, resendFailedSchema);
  const resent = await resendFailedSince(waitlist.team_id, waitlist.id, new Date(since));
  audit({ since, resent });
  return jsonOk({ ok: true, resent }, { status: 202 });
});
