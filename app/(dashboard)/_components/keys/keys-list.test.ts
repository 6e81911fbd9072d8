import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ApiKeyView } from "@/lib/keys/schemas";
import { KeysList } from "./keys-list";

// The keys list as HTML: who made each key (their keys go when they leave the team, so admins can see which
// integrations hang on whom).

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

const at = new Date("2026-12-01T10:00:00Z").toISOString();
const key = (over: Partial<ApiKeyView>): ApiKeyView => ({
  id: "k1",
  name: "CI deploys",
  prefix: "wf_live_AbCd",
  scope: "write",
  created_at: at,
  last_used_at: null,
  created_by_email: "dana@example.com",
  ...over,
});

describe("the keys list", () => {
  it("names who created each key, and says so when that is unknown", () => {
    const out = renderToStaticMarkup(
      createElement(KeysList, { teamId: "t1", keys: [key({}), key({ id: "k2", name: "Old script", created_by_email: null })] }),
    );
    expect(out).toMatch(/data-testid="key-created-by"[^>]*>dana@example\.com</);
    expect(out).toMatch(/data-testid="key-created-by"[^>]*>an unknown person</);
    expect(out.match(/ by <span/g)).toHaveLength(2);
  });
});
