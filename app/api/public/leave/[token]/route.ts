import { AppError } from "@/lib/errors";
import { readText } from "@/lib/api/body";
import { jsonOk } from "@/lib/api/respond";
import { publicRouteWith } from "@/lib/api/public-route";
import { leavePagePath } from "@/lib/signup-email/links";
import { LEAVE_FIELD, LEAVE_MAX_BYTES, LEAVE_VALUE } from "@/lib/signups/leave-form";
import { eraseSignup } from "@/lib/signups/line-erase";

export const dynamic = "force-dynamic";

// "Leave this waitlist": the confirm page's form posts here (leave=erase); the person's row and everything
// hanging off it are deleted (lib/signups/line-erase.ts). There is no GET: the email links open the page,
// which erases nothing, since mail scanners open links on their own.
export const POST = publicRouteWith<{ token: string }>(async (req, { params }) => {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded")) {
    throw new AppError("invalid_content_type", `Send application/x-www-form-urlencoded with ${LEAVE_FIELD}=${LEAVE_VALUE}.`);
  }
  const form = new URLSearchParams(await readText(req, LEAVE_MAX_BYTES));
  if (form.get(LEAVE_FIELD) !== LEAVE_VALUE) {
    throw new AppError("invalid_input", `Send the form field ${LEAVE_FIELD}=${LEAVE_VALUE} to confirm.`, LEAVE_FIELD);
  }
  const left = await eraseSignup(params.token);
  if (!left) throw new AppError("not_found", "This link is not valid any more. If you already left, there is nothing left to delete.");
  // A person who pressed the page's button sees the page say it is done; any other client gets JSON.
  if (req.headers.get("sec-fetch-mode") === "navigate") {
    const done = `${leavePagePath(params.token)}?left=${encodeURIComponent(left.slug)}`;
    return new Response(null, { status: 303, headers: { Location: done, "Cache-Control": "no-store" } });
  }
  return jsonOk({ ok: true, left: true });
});
