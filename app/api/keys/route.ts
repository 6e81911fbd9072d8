import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody, parseQuery } from "@/lib/api/owner-route";
import { createKey } from "@/lib/keys/mutations";
import { listTeamKeys } from "@/lib/keys/queries";
import { createKeySchema } from "@/lib/keys/schemas";
import { requireTeam } from "@/lib/teams/access";
import { teamQuerySchema } from "@/lib/teams/schemas";

export const dynamic = "force-dynamic";

// A team's keys: admins and owners (the route's default for changes; listing asks the same, since a key's name
// and scope are the team's integration details). Session only (keys: false): a leaked key must not mint more.

export const GET = ownerRoute(
  async (req, { access }) => {
    const { teamId } = await requireTeam(access, parseQuery(req, teamQuerySchema).team_id);
    return jsonOk({ ok: true, keys: await listTeamKeys(teamId) });
  },
  { keys: false, role: "admin" },
);

/** The answer carries the secret, once: only its hash is stored. The key acts for the team. */
export const POST = ownerRoute(
  async (req, { access, user, audit }) => {
    const input = await parseJsonBody(req, createKeySchema);
    const { teamId } = await requireTeam(access, input.team_id);
    const { key, secret } = await createKey(teamId, user?.id ?? null, input);
    audit({ key_id: key.id, name: key.name, scope: key.scope, prefix: key.prefix });
    return jsonOk({ ok: true, key, secret }, { status: 201 });
  },
  { keys: false },
);
