import { jsonOk } from "@/lib/api/respond";
import { keyRoute } from "@/lib/features/key-route";
import { checkMember, joinMember, leaveMember, requireFeature } from "@/lib/features/members";
import { externalIdParam, featureKeyParam, memberPutBody } from "@/lib/features/request";

// One user of the owner's product on one feature waitlist (docs/feature-waitlists.md): check, join, leave.

export const dynamic = "force-dynamic";

type Params = { featureKey: string; externalUserId: string };

async function target(teamId: string, params: Params) {
  const key = featureKeyParam(params.featureKey);
  const externalId = externalIdParam(params.externalUserId);
  return { feature: await requireFeature(teamId, key), externalId };
}

export const GET = keyRoute<Params>(async (_req, { key, params }) => {
  const { feature, externalId } = await target(key.teamId, params);
  return jsonOk({ data: await checkMember(feature, externalId) });
});

export const PUT = keyRoute<Params>(async (req, { key, params }) => {
  const { feature, externalId } = await target(key.teamId, params);
  const { member, created } = await joinMember(feature, externalId, await memberPutBody(req));
  return jsonOk({ data: member }, { status: created ? 201 : 200 });
});

export const DELETE = keyRoute<Params>(async (_req, { key, params }) => {
  const { feature, externalId } = await target(key.teamId, params);
  return jsonOk({ data: await leaveMember(feature, externalId) });
});
