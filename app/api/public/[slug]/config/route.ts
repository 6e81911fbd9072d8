import { AppError } from "@/lib/errors";
import { jsonOk } from "@/lib/api/respond";
import { preflight, publicRoute } from "@/lib/api/public-route";
import { getPublicWaitlist, toPublicConfig } from "@/lib/waitlists/public";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async (_req, { slug }) => {
  const waitlist = await getPublicWaitlist(slug);
  if (!waitlist) throw new AppError("not_found", `There is no waitlist at "${slug.slice(0, 64)}".`);
  return jsonOk(toPublicConfig(waitlist), {
    headers: { "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300" },
  });
});

export const OPTIONS = preflight;
