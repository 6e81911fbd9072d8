import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { createWaveSchema } from "@/lib/invitations/schemas";
import { createWave, listWaves } from "@/lib/invitations/waves";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

export const GET = ownerRoute<{ id: string }>(async (_req, { access, params }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  return jsonOk({ ok: true, waves: await listWaves(waitlist.id) });
});

export const POST = ownerRoute<{ id: string }>(async (req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const input = await parseJsonBody(req, createWaveSchema);
  const wave = await createWave(waitlist.id, input);
  audit({ wave_id: wave.id, kind: wave.kind, size: wave.size, next_run_at: wave.next_run_at });
  return jsonOk({ ok: true, wave }, { status: 201 });
});
