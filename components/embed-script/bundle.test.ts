import { describe, expect, it } from "vitest";
import { SIGNUP_MESSAGES } from "@/components/hosted/signup-errors";
import { EMBED_BUDGET_GZ } from "@/scripts/check-bundle-budget";
import { bundleEmbed } from "@/scripts/build-embed";

// The script embed as esbuild bundles it for public/embed.js (in memory here). It shares the hosted form's
// message table and rules, but none of the app's libraries may come along.

describe("the script embed bundle", () => {
  it("is built from our own sources only: no React, no zod, nothing from node_modules", async () => {
    const bundle = await bundleEmbed();
    expect(bundle.inputs.filter((input) => input.includes("node_modules"))).toEqual([]);
    expect(bundle.inputs).toEqual(
      expect.arrayContaining(["components/hosted/signup-errors.ts", "lib/signup-rules.ts", "lib/waitlists/contrast.ts"]),
    );
    // The messages a visitor reads are the hosted form's, word for word.
    expect(bundle.code).toContain(JSON.stringify(SIGNUP_MESSAGES.turnstile_failed));
    expect(bundle.gz).toBeLessThanOrEqual(EMBED_BUDGET_GZ);
  });
});
