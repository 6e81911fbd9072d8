import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { env } from "@/lib/env";

// Auth.js answers some redirects with a bare path (its pages.error, for one). A path is resolved against
// whatever host the browser used; every redirect we send names the configured origin instead.
function onAppOrigin(handler: (req: NextRequest) => Promise<Response>) {
  return async (req: NextRequest): Promise<Response> => {
    const res = await handler(req);
    const location = res.headers.get("location");
    if (location?.startsWith("/") && !location.startsWith("//")) {
      const headers = new Headers(res.headers);
      headers.set("location", `${env().appOrigin}${location}`);
      return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
    }
    return res;
  };
}

export const GET = onAppOrigin(handlers.GET);
export const POST = onAppOrigin(handlers.POST);
