import { AppError } from "@/lib/errors";
import { readJsonObject } from "@/lib/api/body";
import { jsonOk } from "@/lib/api/respond";
import { preflight, publicRoute } from "@/lib/api/public-route";
import { SIGNUP_MAX_BYTES } from "@/lib/signups/schemas";
import { signUp } from "@/lib/signups/service";
import { getPublicWaitlist } from "@/lib/waitlists/public";

export const dynamic = "force-dynamic";

export const POST = publicRoute(async (req, { slug, ip }) => {
  const waitlist = await getPublicWaitlist(slug);
  if (!waitlist) throw new AppError("not_found", "There is no waitlist at this address.");
  const body = await readJsonObject(req, SIGNUP_MAX_BYTES);
  return jsonOk(await signUp(waitlist, body, ip, req.headers));
});

export const OPTIONS = preflight;
