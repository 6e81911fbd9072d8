import { ApiError } from "@/lib/api/errors";
import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { listSignups } from "@/lib/signups/queries";
import { listSignupsQuerySchema } from "@/lib/signups/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (req, { owner, params }) => {
  const waitlist = await requireOwnedWaitlist(owner.id, params.id);
  const parsed = listSignupsQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError("invalid_input", `${issue?.path.join(".")}: ${issue?.message}`, issue?.path.join("."));
  }
  return jsonOk({ ok: true, ...(await listSignups(waitlist.id, parsed.data)) });
});
