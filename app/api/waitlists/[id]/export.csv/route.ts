import { ApiError } from "@/lib/api/errors";
import { ownerRoute } from "@/lib/api/owner-route";
import { exportCsvStream, exportFileName } from "@/lib/signups/export";
import { exportQuerySchema } from "@/lib/signups/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (req, { owner, params }) => {
  const waitlist = await requireOwnedWaitlist(owner.id, params.id);
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError("invalid_input", `${issue?.path.join(".")}: ${issue?.message}`, issue?.path.join("."));
  }
  const stream = await exportCsvStream(waitlist.id, parsed.data);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(waitlist.slug)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
