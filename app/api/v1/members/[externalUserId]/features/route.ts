import { jsonOk } from "@/lib/api/respond";
import { env } from "@/lib/env";
import { keyRoute } from "@/lib/features/key-route";
import { listMemberships } from "@/lib/features/members";
import { externalIdParam } from "@/lib/features/request";

// Every feature of the key's team one user is signed up for (docs/feature-waitlists.md).

export const dynamic = "force-dynamic";

export const GET = keyRoute<{ externalUserId: string }>(async (_req, { key, params }) => {
  const externalId = externalIdParam(params.externalUserId);
  const self = `${env().APP_URL.replace(/\/$/, "")}/api/v1/members/${encodeURIComponent(externalId)}/features`;
  return jsonOk({ data: await listMemberships(key.teamId, externalId), links: { self } });
});
