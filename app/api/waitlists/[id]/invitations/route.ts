import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { AppError } from "@/lib/errors";
import { inviteRequestSchema } from "@/lib/invitations/schemas";
import { inviteSignups } from "@/lib/signups/line";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

/** Lets in the top N waiting people, or chosen ones (those of them still waiting); each gets the invitation. */
export const POST = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const input = await parseJsonBody(req, inviteRequestSchema);
  const ids = await inviteSignups(waitlist.id, "top" in input ? { top: input.top } : { signupIds: input.signup_ids }, waitlist.team_id);
  if (!ids) throw new AppError("not_found", "No waitlist with this id in your account.");
  audit({ invited: ids.length, selection: "top" in input ? "top" : "chosen", asked: "top" in input ? input.top : input.signup_ids.length });
  return jsonOk({ ok: true, invited: ids.length, signup_ids: ids });
});
