import { jsonOk } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { publicRouteWith } from "@/lib/api/public-route";
import { publicStatus } from "@/lib/signups/statuses";
import { confirmByToken } from "@/lib/signups/confirmation";

export const dynamic = "force-dynamic";

type Params = { token: string };

// The double opt-in confirmation. Only POST confirms (the confirm page's button): the emailed link opens the
// page (app/(site)/confirm/[token]), since mail scanners open links on their own. The token is the only
// credential and the body is not read. The link is single-use: a second POST changes nothing and answers
// not_found (or, racing the first, confirmed: false), and only the POST that confirms mints a status link.

export const POST = publicRouteWith<Params>(async (req, { params }) => {
  const navigate = req.headers.get("sec-fetch-mode") === "navigate";
  const done = await confirmByToken(params.token, { statusLink: navigate }).catch((error: unknown) => {
    if (navigate && error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  // A person who pressed the page's button lands on their private status page: place, share link, and the
  // page's own address is their status link. A press that did not confirm (a double click, a used link) goes
  // back to the confirm page, which says so and points to "Email me my link".
  if (done?.statusToken) return seeOther(`/w/${done.slug}/status/${encodeURIComponent(done.statusToken)}?confirmed=1`);
  if (navigate || !done) return seeOther(`/confirm/${encodeURIComponent(params.token)}`);
  const { outcome } = done;
  return jsonOk({
    ok: true,
    confirmed: outcome.kind === "confirmed",
    status: outcome.kind === "confirmed" ? "waiting" : publicStatus(outcome.status),
    position: outcome.position,
  });
});

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
