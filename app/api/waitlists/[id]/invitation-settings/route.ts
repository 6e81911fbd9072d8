import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { invitationSettingsSchema } from "@/lib/invitations/schemas";
import { getInvitationSettings, updateInvitationSettings } from "@/lib/invitations/settings";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, settings: await getInvitationSettings(waitlist.id) });
});

export const PATCH = ownerRoute<{ id: string }>(async (req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const input = await parseJsonBody(req, invitationSettingsSchema);
  return jsonOk({ ok: true, settings: await updateInvitationSettings(waitlist.id, input) });
});
