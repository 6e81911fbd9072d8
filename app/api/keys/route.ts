import { jsonOk } from "@/lib/api/respond";
import { ownerRoute, parseJsonBody } from "@/lib/api/owner-route";
import { createKey } from "@/lib/keys/mutations";
import { listOwnerKeys } from "@/lib/keys/queries";
import { createKeySchema } from "@/lib/keys/schemas";

export const dynamic = "force-dynamic";

// Key management needs the dashboard's session (keys: false): a leaked key must not be able to mint more.

export const GET = ownerRoute(
  async (_req, { owner }) => jsonOk({ ok: true, keys: await listOwnerKeys(owner.id) }),
  { keys: false },
);

/** The answer carries the secret, once: only its hash is stored. */
export const POST = ownerRoute(
  async (req, { owner }) => {
    const input = await parseJsonBody(req, createKeySchema);
    const { key, secret } = await createKey(owner.id, input);
    return jsonOk({ ok: true, key, secret }, { status: 201 });
  },
  { keys: false },
);
