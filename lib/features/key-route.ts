import "server-only";
import { problemResponse } from "@/lib/api/problem";
import { withHeaders } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { authenticateKey, bearerToken, type KeyActor } from "@/lib/keys/authenticate";
import { spendKeyRequest } from "@/lib/keys/rate-limit";
import { recordAudit, requestOrigin, routeAction } from "@/lib/audit/record";
import { logger } from "@/lib/log";

// The gate of the product API (/api/v1): an owner API key and nothing else. These routes are called by a
// product's backend, never by a browser, so a session cookie opens nothing here (no cookie, no CSRF question),
// and every refusal is RFC 9457 problem+json (lib/api/problem.ts) like the rest of /api/v1. No key or an unknown,
// malformed or revoked one: 401 with WWW-Authenticate (RFC 6750); a read-only key changing anything: 403.

type RouteContext<P> = { params: Promise<P> };
export type KeyContext<P> = { key: KeyActor; params: P };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const REALM = 'Bearer realm="WaitForge"';

export function keyRoute<P>(handler: (req: Request, ctx: KeyContext<P>) => Promise<Response>) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const token = bearerToken(req);
      if (token === null) {
        throw new AppError("unauthorized", "Send an owner API key as `Authorization: Bearer wf_live_…`.", undefined, {
          "WWW-Authenticate": REALM,
        });
      }
      const key = await authenticateKey(token);
      if (!key) {
        throw new AppError("unauthorized", "This API key is not valid: it is unknown or was revoked.", undefined, {
          "WWW-Authenticate": `${REALM}, error="invalid_token"`,
        });
      }
      // The key's per-minute limit, shared with the owner API (lib/keys/rate-limit.ts).
      const headers = await spendKeyRequest(key.keyId);
      if (!SAFE_METHODS.has(req.method) && key.scope !== "write") {
        throw new AppError("forbidden", "This API key is read-only; create a read-write key to change memberships.", undefined, headers);
      }
      const params = await route.params;
      const response = await handler(req, { key, params });
      // A product's changes of memberships are a key's changes of the team's lists: audited like the owner API's.
      if (!SAFE_METHODS.has(req.method) && response.status < 400) {
        const { action, target } = routeAction(req, params);
        await recordAudit({
          teamId: key.teamId,
          actor: { kind: "key", keyId: key.keyId, label: key.label, scope: key.scope },
          action,
          target,
          ...requestOrigin(req),
        }).catch((error: unknown) => logger.error(`audit: could not record ${action}`, error));
      }
      return withHeaders(response, headers);
    } catch (error) {
      return problemResponse(error);
    }
  };
}
