import { z } from "zod";
import { jsonOk } from "@/lib/api/respond";
import { ownerRoute } from "@/lib/api/owner-route";
import { AppError } from "@/lib/errors";
import { revokeKey } from "@/lib/keys/mutations";

export const dynamic = "force-dynamic";

const uuid = z.uuid();

/** Revokes one of the signed-in owner's keys; the next request made with it is a 401. */
export const DELETE = ownerRoute<{ keyId: string }>(
  async (_req, { owner, params }) => {
    if (!uuid.safeParse(params.keyId).success) throw new AppError("not_found", "No such API key in your account.");
    await revokeKey(owner.id, params.keyId);
    return jsonOk({ ok: true });
  },
  { keys: false },
);
