import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { startProductionServer, type ProductionServer } from "@/tests/support/production-server";
import { buildWithBaseline } from "./budget-baseline/build";

// JavaScript budgets of the hosted page and the embed, measured the way a visitor's browser pays them: the
// script tags of the server-rendered HTML of a production server, each fetched and gzipped.
//
//   hosted page:  gz(JS of /w/<slug>) - gz(JS of /budget-baseline)  <= 15 kB   (the baseline is an empty
//                 App Router page of the same build: the framework's floor, ~175 kB gz, is not ours to cut;
//                 it is never part of the real app, only of the copy scripts/budget-baseline/build.ts builds)
//   embed:        gz(/embed.js) <= 12 kB
//
// Turnstile's script is excluded: it is loaded at run time from Cloudflare, never a script tag of ours.
//
//   tsx --conditions=react-server scripts/check-bundle-budget.ts                  # builds and serves its own copy
//   tsx --conditions=react-server scripts/check-bundle-budget.ts --base-url http://127.0.0.1:3000 [--page /w/demo]
//                                                          # a server of a build that has /budget-baseline
//
// `npm run bench` can import checkBundleBudget() and pass the base URL of a server it runs.

export const PAGE_BUDGET_GZ = 15 * 1024;
export const EMBED_BUDGET_GZ = 12 * 1024;

export type Asset = { url: string; bytes: number; gz: number };
export type PageScripts = { path: string; scripts: Asset[]; gz: number; bytes: number; inlineBytes: number };
export type BundleReport = {
  page: PageScripts;
  baseline: PageScripts;
  /** page.gz - baseline.gz: the JavaScript the hosted page adds to the framework floor. */
  deltaGz: number;
  embed: Asset;
  budgets: { pageDeltaGz: number; embedGz: number };
  ok: boolean;
};

const gz = (data: Buffer | string) => gzipSync(data).length;

/** Same-origin script URLs of a page: <script src> plus script preloads (Next preloads chunks it then runs). */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (/\brel="(?:modulepreload|preload)"/.test(tag) && (/\bas="script"/.test(tag) || /modulepreload/.test(tag))) {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      if (href) found.add(href);
    }
  }
  return [...found]
    .map((src) => new URL(src.replace(/&amp;/g, "&"), pageUrl))
    .filter((u) => u.origin === origin)
    .map((u) => u.href);
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res;
}

export async function measurePage(baseUrl: string, pagePath: string): Promise<PageScripts> {
  const url = new URL(pagePath, baseUrl).href;
  const html = await (await fetchOk(url)).text();
  const scripts = await Promise.all(
    scriptUrls(html, url).map(async (src) => {
      const body = Buffer.from(await (await fetchOk(src)).arrayBuffer());
      return { url: src, bytes: body.length, gz: gz(body) };
    }),
  );
  // Inline scripts carry the RSC payload (mostly the page's HTML again): reported, not budgeted.
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
  return {
    path: pagePath,
    scripts,
    gz: scripts.reduce((s, a) => s + a.gz, 0),
    bytes: scripts.reduce((s, a) => s + a.bytes, 0),
    inlineBytes: inline.reduce((s, t) => s + Buffer.byteLength(t), 0),
  };
}

export async function checkBundleBudget(options: {
  baseUrl: string;
  pagePath?: string;
  baselinePath?: string;
}): Promise<BundleReport> {
  const { baseUrl, pagePath = "/w/demo", baselinePath = "/budget-baseline" } = options;
  const [page, baseline] = await Promise.all([measurePage(baseUrl, pagePath), measurePage(baseUrl, baselinePath)]);
  const embedUrl = new URL("/embed.js", baseUrl).href;
  const embedBody = Buffer.from(await (await fetchOk(embedUrl)).arrayBuffer());
  const embed = { url: embedUrl, bytes: embedBody.length, gz: gz(embedBody) };
  const deltaGz = page.gz - baseline.gz;
  return {
    page,
    baseline,
    deltaGz,
    embed,
    budgets: { pageDeltaGz: PAGE_BUDGET_GZ, embedGz: EMBED_BUDGET_GZ },
    ok: deltaGz <= PAGE_BUDGET_GZ && embed.gz <= EMBED_BUDGET_GZ,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export function formatBundleReport(r: BundleReport): string {
  const verdict = (ok: boolean) => (ok ? "ok" : "OVER BUDGET");
  const extra = r.page.scripts.filter((s) => !r.baseline.scripts.some((b) => b.url === s.url));
  return [
    "## JavaScript budgets (gzip)",
    `baseline ${r.baseline.path}: ${kb(r.baseline.gz)} gz in ${r.baseline.scripts.length} scripts (${kb(r.baseline.bytes)} raw)`,
    `hosted   ${r.page.path}: ${kb(r.page.gz)} gz in ${r.page.scripts.length} scripts (${kb(r.page.bytes)} raw)`,
    ...extra.map((s) => `           + ${new URL(s.url).pathname}  ${kb(s.gz)} gz`),
    `difference: ${kb(r.deltaGz)} gz (budget ${kb(r.budgets.pageDeltaGz)}): ${verdict(r.deltaGz <= r.budgets.pageDeltaGz)}`,
    `embed.js: ${kb(r.embed.gz)} gz, ${kb(r.embed.bytes)} raw (budget ${kb(r.budgets.embedGz)}): ${verdict(r.embed.gz <= r.budgets.embedGz)}`,
    `(inline RSC payload, not budgeted: page ${kb(r.page.inlineBytes)}, baseline ${kb(r.baseline.inlineBytes)} raw)`,
  ].join("\n");
}

// ---- standalone run: a production server of the current build on a throwaway database ----

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Runs `fn` against a production server of a build with the baseline page (built here, in a copy of the
 * project) on a throwaway database with the demo seeded.
 */
export async function withServer<T>(fn: (baseUrl: string) => Promise<T>): Promise<T> {
  const build = await buildWithBaseline();
  const { createTestDatabase } = await import("@/tests/support/database");
  const database = await createTestDatabase().catch(async (error: unknown) => {
    await build.remove();
    throw error;
  });
  let server: ProductionServer | undefined;
  try {
    process.env.DATABASE_URL = database.url;
    const { seedDemo } = await import("@/lib/dev/seed");
    const { closeDb } = await import("@/lib/db");
    await seedDemo();
    await closeDb();
    server = await startProductionServer({
      dir: build.dir,
      env: (baseUrl) => ({
        DATABASE_URL: database.url,
        APP_URL: baseUrl,
        // Production refuses to run without Turnstile; nothing is verified during a measurement.
        TURNSTILE_SITE_KEY: "1x00000000000000000000AA",
        TURNSTILE_SECRET_KEY: "unused-for-measuring",
      }),
    });
    return await fn(server.baseUrl);
  } finally {
    await server?.stop();
    await database.drop();
    await build.remove();
  }
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const pagePath = arg("--page") ?? "/w/demo";
  const baseUrl = arg("--base-url");
  const report = baseUrl
    ? await checkBundleBudget({ baseUrl, pagePath })
    : await withServer((url) => checkBundleBudget({ baseUrl: url, pagePath }));
  console.log(formatBundleReport(report));
  if (!report.ok) process.exitCode = 1;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

// For callers that want the raw file size without a server (e.g. a unit test of the embed's budget).
export async function embedGzFromDisk(): Promise<number> {
  return gz(await readFile(path.join(ROOT, "public/embed.js")));
}
