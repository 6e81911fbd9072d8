import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ensureChromium, findChromium } from "@/tests/support/browser";

const dir = mkdtempSync(path.join(os.tmpdir(), "wf-browser-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, "");
  return p;
}

describe("finding a Chromium for the browser tests", () => {
  it("prefers Debian's, then Playwright's, on the real file system", () => {
    const system = file("chromium");
    const playwright = file("chrome");
    const missing = path.join(dir, "missing");
    expect(findChromium({ system, playwright })).toBe(system);
    expect(findChromium({ system: missing, playwright })).toBe(playwright);
    expect(findChromium({ system: missing, playwright: path.join(dir, "also-missing") })).toBeNull();
    expect(findChromium({ system: missing, playwright: undefined })).toBeNull();
  });

  it("asks Playwright to install only when none is found, and reports what is there afterwards", async () => {
    const installOk = vi.fn(async () => undefined);
    expect(await ensureChromium(() => "/usr/bin/chromium", installOk)).toBe("/usr/bin/chromium");
    expect(installOk).not.toHaveBeenCalled();

    let installed = false;
    const installs = vi.fn(async () => {
      installed = true;
    });
    expect(await ensureChromium(() => (installed ? "/pw/chrome" : null), installs)).toBe("/pw/chrome");
    expect(installs).toHaveBeenCalledOnce();

    // Offline: the download fails, nothing appears, and the answer says so instead of throwing.
    const offline = vi.fn(async () => {
      throw new Error("Download failure");
    });
    expect(await ensureChromium(() => null, offline)).toBeNull();
    expect(offline).toHaveBeenCalledOnce();
  });
});
