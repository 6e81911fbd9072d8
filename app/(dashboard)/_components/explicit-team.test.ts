import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as key from "@/app/api/keys/[keyId]/route";
import * as waitlists from "@/app/api/waitlists/route";
import { closeDb, db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createKey } from "@/lib/keys/mutations";
import { uniqueSlug } from "@/tests/support/fixtures";
import { callTeam, person, teamWith } from "@/tests/support/team-api";
import { revokeKeyPath } from "./keys/revoke-key-button";
import { newWaitlistBody } from "./new-waitlist-form";

// Forms that act in "the current team" name the team their page showed: the current-team cookie can be switched
// in another tab between rendering the page and submitting it. Here the cookie says another team than the page,
// and the requests the forms build (through their own helpers) still act in the page's team.

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

const saved = { ...process.env };
beforeAll(() => {
  process.env = { ...saved, APP_URL: "http://localhost:3000" };
  resetEnvCache();
});
afterAll(async () => {
  process.env = saved;
  resetEnvCache();
  await closeDb();
});

async function switchedElsewhere() {
  const alice = await person();
  const other = await teamWith("Switched to in another tab", [{ id: alice.id, role: "owner" }]);
  return { alice, shown: alice.personalTeamId, other, cookie: `${alice.cookie}; waitforge_team=${other}` };
}

describe("New waitlist", () => {
  it("creates the list in the team the page showed, whatever the cookie says now", async () => {
    const { shown, other, cookie } = await switchedElsewhere();
    const body = newWaitlistBody(shown, "  Launch  ", uniqueSlug("shown"));
    expect(body).toMatchObject({ title: "Launch", team_id: shown });
    const r = await callTeam(waitlists.POST, { method: "POST", path: "/api/waitlists", cookie, body });
    expect(r.status).toBe(201);
    expect((r.json.waitlist as { team_id: string }).team_id).toBe(shown);

    // What the form sent before: no team, so the cookie's team got it.
    const { team_id: _dropped, ...old } = newWaitlistBody(shown, "Launch", uniqueSlug("cookie"));
    const landed = await callTeam(waitlists.POST, { method: "POST", path: "/api/waitlists", cookie, body: old });
    expect((landed.json.waitlist as { team_id: string }).team_id).toBe(other);
  });
});

describe("Revoke key", () => {
  it("revokes the key of the team the page showed, whatever the cookie says now", async () => {
    const { alice, shown, cookie } = await switchedElsewhere();
    const made = await createKey(shown, alice.id, { name: "ci", scope: "write" });
    const keyId = made.key.id;

    // Without the team, the key is looked for in the cookie's team: 404, and the key stays.
    const lost = await callTeam(key.DELETE, { method: "DELETE", path: `/api/keys/${keyId}`, params: { keyId }, cookie });
    expect(lost.status).toBe(404);

    const path = revokeKeyPath(keyId, shown);
    expect(path).toBe(`/api/keys/${keyId}?team_id=${shown}`);
    const r = await callTeam(key.DELETE, { method: "DELETE", path, params: { keyId }, cookie });
    expect(r.status).toBe(200);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: keyId }, select: { revokedAt: true } })).revokedAt).toBeInstanceOf(Date);
  });
});
