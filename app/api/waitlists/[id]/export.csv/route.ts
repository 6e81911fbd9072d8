import { ownerRoute, parseQuery } from "@/lib/api/owner-route";
import { exportCsvStream, exportFileName } from "@/lib/signups/export";
import { exportQuerySchema } from "@/lib/signups/schemas";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

// Personal data in bulk: admins and owners, viewers only where the team's owners allow it; every export is audited.
export const GET = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const filter = parseQuery(req, exportQuerySchema);
  // The filter's values are a status, a flag and dates: nothing personal.
  audit({ filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) });
  const stream = await exportCsvStream(waitlist.id, filter);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(waitlist.slug)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}, { personalData: true });
