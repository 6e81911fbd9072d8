import { readText } from "@/lib/api/body";
import { jsonError, jsonOk } from "@/lib/api/respond";
import { handleStripeEvent, verifyWebhook } from "@/lib/billing/webhook";

export const dynamic = "force-dynamic";

const MAX_BYTES = 512 * 1024;

// The signature covers the exact bytes Stripe sent, so the body is read raw, never re-serialised.
export async function POST(req: Request): Promise<Response> {
  try {
    const raw = await readText(req, MAX_BYTES);
    const event = verifyWebhook(raw, req.headers.get("stripe-signature"));
    const result = await handleStripeEvent(event);
    return jsonOk({ ok: true, received: true, ...result });
  } catch (error) {
    // A 500 makes Stripe retry later; the event id was not recorded, so the retry is processed.
    return jsonError(error);
  }
}
