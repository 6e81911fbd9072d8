import { jsonError } from "@/lib/api/respond";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// The floor of the side-by-side HTTP benchmark (scripts/bench/side-by-side.ts): the cheapest answer a route
// handler built into this app gives, through the same server, proxy matcher and headers as every other route.
// Off, the JSON 404 of any unknown path, unless the server was started with BENCH_NOOP_ROUTE=1, which only the
// benchmark does; on, it still reads nothing and says nothing.

export const dynamic = "force-dynamic";

function noop(): Response {
  if (!env().BENCH_NOOP_ROUTE) return jsonError(new AppError("not_found", "No route at this address."));
  return Response.json({ ok: true });
}

export const GET = noop;
/** The floor of a POST with a JSON body, like a signup's (the body is left unread). */
export const POST = noop;
