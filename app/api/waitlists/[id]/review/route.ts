import { AppError } from "@/lib/errors";
import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody, parseQuery } from "@/lib/api/owner-route";
import { decideHeld } from "@/lib/review/decide";
import { listHeld } from "@/lib/review/queries";
import { reviewDecisionSchema, reviewListQuerySchema } from "@/lib/review/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// The review queue (docs/referral-integrity.md): GET the held referral credits, oldest first, in keyset pages;
// POST {action, ids} approves (credit given) or rejects (the referee removed) them in bulk.

export const GET = ownerRoute<{ id: string }>(async (req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const query = parseQuery(req, reviewListQuerySchema);
  return jsonOk({ ok: true, ...(await listHeld(waitlist.id, query)) });
});

export const POST = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const decision = await parseJsonBody(req, reviewDecisionSchema);
  const changed = await decideHeld(waitlist.id, decision, waitlist.team_id);
  if (!changed) throw new AppError("not_found", "Waitlist not found.");
  audit({ decision: decision.action, asked: decision.ids.length, changed: changed.length });
  return jsonOk({ ok: true, changed });
});
