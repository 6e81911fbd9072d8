import { AppError } from "@/lib/errors";
import { publicRouteWith } from "@/lib/api/public-route";
import { exportMyData } from "@/lib/signups/my-data";

export const dynamic = "force-dynamic";

// "Download my data" (status page, every email's footer): the person's JSON file, opened with a status
// token. Read-only, so a mail scanner opening the link changes nothing; never cached, never indexed.
export const GET = publicRouteWith<{ token: string }>(async (_req, { params }) => {
  const found = await exportMyData(params.token);
  if (!found) throw new AppError("not_found", "This link is not valid. Use the link from your status page or a recent email.");
  return new Response(`${JSON.stringify(found.data, null, 2)}\n`, {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${found.slug}-my-data.json"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex, nofollow",
      "Referrer-Policy": "no-referrer",
    },
  });
});
