// Bundles the script embed (components/embed-script, TypeScript) into public/embed.js, the file customers'
// sites load. The output is generated (git-ignored): `npm run build`, `npm run dev` and `npm start` write it
// before Next starts, and `npm test` through `npm run build`.
//
//   tsx scripts/build-embed.ts            # once
//   tsx scripts/build-embed.ts --watch    # rebuild on change (npm run dev does this itself)
import { build, context, type BuildOptions, type Metafile } from "esbuild";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const EMBED_ENTRY = path.join(ROOT, "components/embed-script/index.ts");
export const EMBED_OUTFILE = path.join(ROOT, "public/embed.js");

const BANNER = `/*! WaitForge embed: <script src="https://<host>/embed.js" data-waitlist="your-slug" async></script>
 * Generated from components/embed-script (TypeScript) by scripts/build-embed.ts; edit the source, not this file. */`;

export function embedBuildOptions(overrides: BuildOptions = {}): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [EMBED_ENTRY],
    outfile: EMBED_OUTFILE,
    bundle: true,
    // A classic script: host pages load it with a plain <script src>, not type="module".
    format: "iife",
    platform: "browser",
    // color-mix() in the stylesheet already needs a 2023 browser, which runs ES2022 (class fields) as written.
    target: ["es2022"],
    minify: true,
    // For people who open the file: what it is, how to use it, where its source lives.
    banner: { js: BANNER },
    legalComments: "none",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    metafile: true,
    logLevel: "warning",
    ...overrides,
  };
}

export type EmbedBuild = { bytes: number; gz: number; inputs: string[] };

function summarize(code: Uint8Array, metafile: Metafile | undefined): EmbedBuild {
  return { bytes: code.length, gz: gzipSync(code).length, inputs: Object.keys(metafile?.inputs ?? {}) };
}

/** Writes public/embed.js. */
export async function buildEmbed(): Promise<EmbedBuild> {
  const result = await build(embedBuildOptions());
  return summarize(await readFile(EMBED_OUTFILE), result.metafile);
}

/** The bundle in memory, for tests: nothing is written. */
export async function bundleEmbed(): Promise<EmbedBuild & { code: string }> {
  const result = await build(embedBuildOptions({ write: false }));
  const file = result.outputFiles?.[0];
  if (!file) throw new Error("esbuild produced no output");
  return { ...summarize(file.contents, result.metafile), code: file.text };
}

/** Builds once, then rebuilds on every change until the returned function is called. */
export async function watchEmbed(log: (message: string) => void = console.log): Promise<() => Promise<void>> {
  const ctx = await context(
    embedBuildOptions({
      plugins: [
        {
          name: "report",
          setup(b) {
            b.onEnd(async (result) => {
              if (result.errors.length === 0) log(describe(summarize(await readFile(EMBED_OUTFILE), result.metafile)));
            });
          },
        },
      ],
    }),
  );
  // The first build happens here too; errors are printed and the next save tries again, never fatal.
  await ctx.watch();
  return () => ctx.dispose();
}

export function describe(b: EmbedBuild): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  return `built ${path.relative(ROOT, EMBED_OUTFILE)}: ${kb(b.bytes)}, ${kb(b.gz)} gzipped`;
}

async function main(): Promise<void> {
  if (process.argv.includes("--watch")) {
    const stop = await watchEmbed((m) => console.log(`[embed] ${m}`));
    const quit = () => void stop().then(() => process.exit(0));
    process.once("SIGINT", quit);
    process.once("SIGTERM", quit);
    return;
  }
  console.log(`[embed] ${describe(await buildEmbed())}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    // esbuild has already printed the errors with file and line.
    console.error(`[embed] build failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exitCode = 1;
  });
}
