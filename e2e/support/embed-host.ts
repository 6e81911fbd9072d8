import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";

// A customer's landing page on another origin: a tiny local HTTP server that serves fixed HTML, so the
// embed runs cross-origin exactly as it would on someone else's site.

export type EmbedHost = { origin: string; close(): Promise<void> };

export async function startEmbedHost(pages: Record<string, string>): Promise<EmbedHost> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://host.local").pathname;
    const html = pages[path];
    if (html === undefined) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // "localhost" rather than 127.0.0.1: a different host as well as a different port from the app.
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A landing page with its own styles that would wreck an unprotected form (the Shadow DOM must hold). */
export function landingPageHtml(body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme landing page</title>
<style>
  body { font-family: Georgia, serif; margin: 40px; background: #fafaf9; }
  input, button, label { all: unset; color: red; font-size: 40px; }
  * { letter-spacing: 3px; }
</style></head>
<body><h1>Acme rockets</h1><p>Our launch is close. Join below.</p>${body}</body></html>`;
}

/**
 * Everything the host page's own scripts could read back later: its origin's localStorage and sessionStorage,
 * its cookies (document.cookie and the browser's jar, HttpOnly included). One string, for "contains" checks.
 */
export async function hostSiteStorage(page: Page): Promise<string> {
  const inPage = await page.evaluate(() => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i) ?? "").map((k) => [k, s.getItem(k)]));
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie };
  });
  const jar = await page.context().cookies(page.url());
  return JSON.stringify({ ...inPage, jar });
}
