import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { removeSignup, setSignupStatus, type OwnerStatus } from "@/lib/signups/line";
import { signupStatusOf } from "@/lib/signups/queries";
import { updateSignupSchema } from "@/lib/signups/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

type Params = { id: string; signupId: string };

const uuid = z.uuid();

function signupId(raw: string): string {
  if (!uuid.safeParse(raw).success) throw new AppError("not_found", "No such person on this waitlist.");
  return raw;
}

export const PATCH = ownerRoute<Params>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const id = signupId(params.signupId);
  const { status } = await parseJsonBody(req, updateSignupSchema);
  // For the audit log (the person is its target, by id: their email is personal data): read just before the change.
  const before = await signupStatusOf(waitlist.id, id);
  // Through the keeper: "invited" lets a waiting person in and queues their invitation email.
  const changed = await setSignupStatus(waitlist.id, id, status.toUpperCase() as OwnerStatus);
  // Nothing changed: already in that state (fine), not on this list (404), or not confirmed yet (409).
  const current = changed ? null : await signupStatusOf(waitlist.id, id);
  if (!changed && !current) throw new AppError("not_found", "No such person on this waitlist.");
  if (current === "PENDING") {
    throw new AppError("conflict", "This person hasn't confirmed their email yet (double opt-in); they join the line when they do.");
  }
  audit({ from: before?.toLowerCase() ?? null, to: status });
  return jsonOk({ ok: true, changed });
});

export const DELETE = ownerRoute<Params>(async (_req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const id = signupId(params.signupId);
  const before = await signupStatusOf(waitlist.id, id);
  const removed = await removeSignup(waitlist.id, id);
  if (!removed) throw new AppError("not_found", "No such person on this waitlist.");
  audit({ status: before?.toLowerCase() ?? null });
  return jsonOk({ ok: true });
});
