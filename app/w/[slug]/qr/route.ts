import QRCode from "qrcode";
import { sharePath } from "@/lib/signups/service";
import { absoluteUrl, refFromSearch } from "@/lib/waitlists/hosted";
import { getPublicWaitlist } from "@/lib/waitlists/public";

// The QR code of a share link, drawn on the server as SVG: the page ships no QR library and calls no
// third-party service. It only ever encodes our own share URL for an existing waitlist, so it is not an
// open QR generator.

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const ref = refFromSearch(new URL(req.url).searchParams);
  const waitlist = ref ? await getPublicWaitlist((await params).slug) : null;
  if (!ref || !waitlist) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

  const svg = await QRCode.toString(absoluteUrl(sharePath(waitlist.slug, ref)), {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
    color: { dark: "#111111ff", light: "#ffffffff" },
  });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // The image depends only on the URL: browsers and CDNs may keep it for a day.
      "Cache-Control": "public, max-age=86400, s-maxage=86400",
      // Opened directly, an SVG is a document: make sure it can never run anything.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
