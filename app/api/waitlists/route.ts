import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { createWaitlist } from "@/lib/waitlists/mutations";
import { listOwnerWaitlists } from "@/lib/waitlists/queries";
import { createWaitlistSchema } from "@/lib/waitlists/schemas";

export const dynamic = "force-dynamic";

export const GET = ownerRoute(async (_req, { owner }) => {
  return jsonOk({ ok: true, waitlists: await listOwnerWaitlists(owner.id) });
});

export const POST = ownerRoute(async (req, { owner }) => {
  const input = await parseJsonBody(req, createWaitlistSchema);
  return jsonOk({ ok: true, waitlist: await createWaitlist(owner.id, input) }, { status: 201 });
});
