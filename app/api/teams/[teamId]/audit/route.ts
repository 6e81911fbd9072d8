import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseQuery } from "@/lib/api/owner-route";
import { listAuditEntries, toApiEntry } from "@/lib/audit/queries";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { requireTeam } from "@/lib/teams/access";

export const dynamic = "force-dynamic";

// The team's audit log (docs/audit-log.md): admins and owners, or a read-write API key of the team; a viewer
// (or a read-only key) is 403, anyone outside the team 404. Reading it is not itself recorded.
export const GET = ownerRoute<{ teamId: string }>(
  async (req, { access, params }) => {
    const { teamId } = await requireTeam(access, params.teamId);
    const page = await listAuditEntries(teamId, parseQuery(req, auditQuerySchema));
    return jsonOk({ ok: true, entries: page.entries.map(toApiEntry), next_cursor: page.next_cursor });
  },
  { role: "admin" },
);
