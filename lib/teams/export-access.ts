import "server-only";
import { db } from "@/lib/db";
import { roleAtLeast, type Role } from "@/lib/teams/roles";

// Whether the dashboard offers the CSV export (personal data in bulk) to someone: admins and owners always,
// viewers only when the team's owners allowed it (teams.viewers_can_export). The export route decides the same
// on its own (lib/teams/access.ts, `personalData`); this only keeps the dashboard from offering a refused link.

/** The team's "viewers may export" switch; false for a team that does not exist. */
export async function viewersCanExport(teamId: string): Promise<boolean> {
  const team = await db().team.findUnique({ where: { id: teamId }, select: { viewersCanExport: true } });
  return team?.viewersCanExport ?? false;
}

/** Whether someone with `role` in the team may export its lists' signups. */
export async function mayExportPersonalData(teamId: string, role: Role): Promise<boolean> {
  if (roleAtLeast(role, "admin")) return true;
  return viewersCanExport(teamId);
}
