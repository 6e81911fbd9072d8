import { afterAll, describe, expect, it } from "vitest";
import { GET as exportGET } from "@/app/api/waitlists/[id]/export.csv/route";
import { closeDb, db } from "@/lib/db";
import { mayExportPersonalData, viewersCanExport } from "@/lib/teams/export-access";
import type { Role } from "@/lib/teams/roles";
import { createWaitlist, params } from "@/tests/support/fixtures";
import { signedInOwner } from "@/tests/support/owner-api";

// The dashboard shows "Export CSV" exactly when the export route would answer it: these checks and the route's
// own (lib/teams/access.ts) must agree for every role and both settings of the team's switch.

afterAll(closeDb);

async function teamWith(viewersMayExport: boolean) {
  const team = await db().team.create({ data: { name: "Launch crew", viewersCanExport: viewersMayExport }, select: { id: true } });
  const waitlist = await createWaitlist({ teamId: team.id });
  const people = {} as Record<Role, Awaited<ReturnType<typeof signedInOwner>>>;
  for (const role of ["owner", "admin", "viewer"] as const) {
    people[role] = await signedInOwner();
    await db().teamMember.create({ data: { teamId: team.id, userId: people[role].id, role } });
  }
  return { teamId: team.id, waitlist, people };
}

describe("viewersCanExport", () => {
  it("reads the team's switch, and is false for a team that does not exist", async () => {
    expect(await viewersCanExport((await teamWith(false)).teamId)).toBe(false);
    expect(await viewersCanExport((await teamWith(true)).teamId)).toBe(true);
    expect(await viewersCanExport("00000000-0000-4000-8000-000000000000")).toBe(false);
  });
});

describe("mayExportPersonalData", () => {
  for (const allowed of [false, true]) {
    it(`agrees with the export route for every role when viewers ${allowed ? "may" : "may not"} export`, async () => {
      const { teamId, waitlist, people } = await teamWith(allowed);
      for (const role of ["owner", "admin", "viewer"] as const) {
        const offered = await mayExportPersonalData(teamId, role);
        expect(offered).toBe(role !== "viewer" || allowed);
        // The answer is a CSV stream (or the JSON error): only its status matters here.
        const req = new Request(`http://localhost:3000/api/waitlists/${waitlist.id}/export.csv`, { headers: { cookie: people[role].cookie } });
        const answer = await exportGET(req, params({ id: waitlist.id }));
        await answer.body?.cancel();
        expect(answer.status).toBe(offered ? 200 : 403);
      }
    });
  }

  it("follows the switch when an owner turns it on later", async () => {
    const { teamId } = await teamWith(false);
    expect(await mayExportPersonalData(teamId, "viewer")).toBe(false);
    await db().team.update({ where: { id: teamId }, data: { viewersCanExport: true } });
    expect(await mayExportPersonalData(teamId, "viewer")).toBe(true);
  });
});
