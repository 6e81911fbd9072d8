import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { referralTree } from "@/lib/review/queries";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

type Params = { id: string; signupId: string };

const uuid = z.uuid();

// A person's referral tree (who they brought, and whom those brought), for the review queue.
export const GET = ownerRoute<Params>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const tree = uuid.safeParse(params.signupId).success ? await referralTree(waitlist.id, params.signupId) : null;
  if (!tree) throw new AppError("not_found", "No such person on this waitlist.");
  return jsonOk({ ok: true, root_id: params.signupId, ...tree });
});
