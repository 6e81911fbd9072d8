import { z } from "zod";
import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseQuery } from "@/lib/api/owner-route";
import { AppError } from "@/lib/errors";
import { revokeKey } from "@/lib/keys/mutations";
import { requireTeam } from "@/lib/teams/access";
import { teamQuerySchema } from "@/lib/teams/schemas";

export const dynamic = "force-dynamic";

const uuid = z.uuid();

/** Revokes one of the team's keys (`?team_id=`, else the chosen team); the next request made with it is a 401. */
export const DELETE = ownerRoute<{ keyId: string }>(
  async (req, { access, params, audit }) => {
    if (!uuid.safeParse(params.keyId).success) throw new AppError("not_found", "No such API key in this team.");
    const { teamId } = await requireTeam(access, parseQuery(req, teamQuerySchema).team_id);
    const revoked = await revokeKey(teamId, params.keyId);
    audit({ name: revoked.name, scope: revoked.scope, prefix: revoked.prefix });
    return jsonOk({ ok: true });
  },
  { keys: false },
);
