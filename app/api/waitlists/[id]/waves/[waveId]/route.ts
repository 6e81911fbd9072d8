import { z } from "zod";
import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { AppError } from "@/lib/errors";
import { cancelWave } from "@/lib/invitations/waves";
import { requireOwnedWaitlist } from "@/lib/waitlists/queries";

export const dynamic = "force-dynamic";

const uuid = z.uuid();

/** Cancels a scheduled wave (a finished or cancelled one stays as it is). */
export const DELETE = ownerRoute<{ id: string; waveId: string }>(async (_req, { access, params, audit }) => {
  const waitlist = await requireOwnedWaitlist(access, params.id);
  const wave = uuid.safeParse(params.waveId).success ? await cancelWave(waitlist.id, params.waveId) : null;
  if (!wave) throw new AppError("not_found", "No such wave on this waitlist.");
  audit({ kind: wave.kind, size: wave.size, status: wave.status });
  return jsonOk({ ok: true, wave });
});
