import { AppError } from "@/lib/errors";
import { readJsonObject } from "@/lib/api/body";
import { jsonOk } from "@/lib/api/respond";
import { preflight, publicRoute } from "@/lib/api/public-route";
import { requestStatusLink } from "@/lib/signup-email/status-link-request";
import { STATUS_LINK_MAX_BYTES } from "@/lib/signup-email/status-link-schema";
import { getPublicWaitlist } from "@/lib/waitlists/public";

export const dynamic = "force-dynamic";

// "Email me my link": the same answer whether or not the address is on the list (lib/signup-email/status-link-request.ts).
export const POST = publicRoute(async (req, { slug, ip }) => {
  const waitlist = await getPublicWaitlist(slug);
  if (!waitlist) throw new AppError("not_found", "There is no waitlist at this address.");
  const body = await readJsonObject(req, STATUS_LINK_MAX_BYTES);
  return jsonOk(await requestStatusLink(waitlist, body, ip));
});

export const OPTIONS = preflight;
