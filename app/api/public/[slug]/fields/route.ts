import { AppError } from "@/lib/errors";
import { jsonOk } from "@/lib/api/respond";
import { preflight, publicRoute } from "@/lib/api/public-route";
import { toPublicFields } from "@/lib/fields/definitions";
import { getPublicWaitlist } from "@/lib/waitlists/public";

export const dynamic = "force-dynamic";

// The list's own questions for the script embed and API clients, cached like the config (the same in-process
// copy, the same edge lifetime). The config keeps its contract shape; this is where custom fields live.
export const GET = publicRoute(async (_req, { slug }) => {
  const waitlist = await getPublicWaitlist(slug);
  if (!waitlist) throw new AppError("not_found", `There is no waitlist at "${slug.slice(0, 64)}".`);
  return jsonOk({ fields: toPublicFields(waitlist.customFields) }, {
    headers: { "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300" },
  });
});

export const OPTIONS = preflight;
