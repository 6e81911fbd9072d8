import { AppError } from "@/lib/errors";
import { readText } from "@/lib/api/body";
import { jsonOk } from "@/lib/api/respond";
import { publicRouteWith } from "@/lib/api/public-route";
import { unsubscribePagePath } from "@/lib/signup-email/links";
import { ONE_CLICK_FIELD, ONE_CLICK_VALUE, UNSUBSCRIBE_MAX_BYTES, unsubscribe } from "@/lib/signup-email/unsubscribe";

export const dynamic = "force-dynamic";

type Params = { token: string };

// The List-Unsubscribe target. POST with `List-Unsubscribe=One-Click` (RFC 8058: mail clients' one-click
// button, and our confirm page's form) unsubscribes. GET never does, since mail scanners open links on their own:
// it sends the browser to the confirm page.

export const GET = publicRouteWith<Params>(async (_req, { params }) => seeOther(unsubscribePagePath(params.token)));

export const POST = publicRouteWith<Params>(async (req, { params }) => {
  const fields = await readForm(req);
  if (fields.get(ONE_CLICK_FIELD) !== ONE_CLICK_VALUE) {
    throw new AppError("invalid_input", `Send the form field ${ONE_CLICK_FIELD}=${ONE_CLICK_VALUE} (RFC 8058).`, ONE_CLICK_FIELD);
  }
  await unsubscribe(params.token);
  // A person who pressed the confirm page's button gets the page back, saying it is done; a mail client, JSON.
  if (req.headers.get("sec-fetch-mode") === "navigate") return seeOther(`${unsubscribePagePath(params.token)}?done=1`);
  return jsonOk({ ok: true, unsubscribed: true });
});

async function readForm(req: Request): Promise<URLSearchParams> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const text = await readText(req, UNSUBSCRIBE_MAX_BYTES);
  if (type.startsWith("application/x-www-form-urlencoded")) return new URLSearchParams(text);
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(text, { headers: { "content-type": type } }).formData().catch(() => {
      throw new AppError("bad_json", "The form body could not be read.");
    });
    const out = new URLSearchParams();
    form.forEach((value, key) => {
      if (typeof value === "string") out.append(key, value);
    });
    return out;
  }
  throw new AppError(
    "invalid_content_type",
    "Send application/x-www-form-urlencoded (or multipart/form-data) with List-Unsubscribe=One-Click.",
  );
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
