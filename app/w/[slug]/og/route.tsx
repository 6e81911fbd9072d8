import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { OG_SIZE, OgCard } from "@/components/hosted/og-card";
import { getRefPosition } from "@/lib/signups/status";
import { appOrigin, defaultDescription, refFromSearch } from "@/lib/waitlists/hosted";
import { getPublicWaitlist } from "@/lib/waitlists/public";

// Link-preview images: /w/<slug>/og is the waitlist's card, /w/<slug>/og?ref=CODE the sharer's own
// "#47 on <waitlist>". A route rather than opengraph-image.tsx because file-based images would override the
// per-ref image that generateMetadata picks. Cached for an hour: a place in line changes slowly and
// unfurlers fetch each link once.

let fonts: Promise<{ name: string; data: Buffer; weight: 600 | 800; style: "normal" }[]> | undefined;

function loadFonts() {
  // Satori reads woff, not woff2; the files ship in @fontsource/inter (no network at build or run time).
  const dir = path.join(process.cwd(), "node_modules/@fontsource/inter/files");
  fonts ??= Promise.all(
    ([600, 800] as const).map(async (weight) => ({
      name: "Inter",
      data: await readFile(path.join(dir, `inter-latin-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
  return fonts;
}

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const waitlist = await getPublicWaitlist((await params).slug);
  if (!waitlist) return new Response("Not found", { status: 404 });
  const ref = refFromSearch(new URL(req.url).searchParams);
  const position = ref ? await getRefPosition(waitlist.id, ref) : null;

  return new ImageResponse(
    (
      <OgCard
        theme={waitlist.theme}
        title={waitlist.title}
        description={waitlist.description || defaultDescription(waitlist.title)}
        host={`${new URL(appOrigin()).host}/w/${waitlist.slug}`}
        position={position}
      />
    ),
    {
      ...OG_SIZE,
      // Without the files the card still renders, in next/og's built-in font.
      fonts: await loadFonts().catch(() => ((fonts = undefined), [])),
      headers: { "Cache-Control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400" },
    },
  );
}
