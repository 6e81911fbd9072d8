import { jsonOk } from "@/lib/api/respond";
import { publicRouteWith } from "@/lib/api/public-route";
import { publicStatus } from "@/lib/signups/statuses";
import { confirmByToken } from "@/lib/signups/confirmation";

export const dynamic = "force-dynamic";

type Params = { token: string };

// The double opt-in confirmation. Only POST confirms (the confirm page's button): the emailed link opens the
// page (app/(site)/confirm/[token]), since mail scanners open links on their own. The token is the only
// credential and the body is not read. A second POST changes nothing and answers the same way.

export const POST = publicRouteWith<Params>(async (req, { params }) => {
  const navigate = req.headers.get("sec-fetch-mode") === "navigate";
  const { outcome, slug, statusToken } = await confirmByToken(params.token, { statusLink: navigate });
  // A person who pressed the page's button lands on their private status page: place, share link, and the
  // page's own address is their status link.
  if (statusToken) return seeOther(`/w/${slug}/status/${encodeURIComponent(statusToken)}?confirmed=1`);
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
