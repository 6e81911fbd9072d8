import { afterAll, describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/waitlists/[id]/restrictions/route";
import { closeDb, db } from "@/lib/db";
import { createWaitlist } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

// The owner API of sign-up restrictions: zod strict at the boundary, owner AND id scoping, nothing changed by a
// refused call.

afterAll(async () => {
  await closeDb();
});

async function ownedList() {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id });
  return { owner, waitlist };
}

const columns = (id: string) =>
  db().waitlist.findUniqueOrThrow({
    where: { id },
    select: { isOpen: true, signUpRestricted: true, allowlist: true, blocklist: true, blockDisposable: true, bannedKeywords: true, countryMode: true, countryCodes: true, velocityPerIp: true, velocityPerNetwork: true, velocityWindowMinutes: true, updatedAt: true },
  });

describe("GET /api/waitlists/:id/restrictions", () => {
  it("answers the defaults: public, disposable refused, no trusted country header, zero counts", async () => {
    const { owner, waitlist } = await ownedList();
    const r = await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      ok: true,
      restrictions: {
        sign_up_mode: "public",
        allowlist: [],
        blocklist: [],
        block_subaddresses: false,
        block_disposable: true,
        banned_keywords: [],
        country_mode: "off",
        country_codes: [],
        velocity_per_ip: 3,
        velocity_per_network: 10,
        velocity_window_minutes: 60,
        country_header: null,
        refused_last_7_days: { allowlist: 0, blocklist: 0, disposable: 0, subaddress: 0, keyword: 0, country: 0 },
      },
    });
  });

  it("answers 404 for another owner's list and 401 without a session", async () => {
    const { waitlist } = await ownedList();
    const stranger = await signedInOwner();
    expect((await callOwner(GET, { id: waitlist.id }, { cookie: stranger.cookie })).json).toMatchObject({ error: { code: "not_found" } });
    expect((await callOwner(GET, { id: waitlist.id })).status).toBe(401);
  });
});

describe("PATCH /api/waitlists/:id/restrictions", () => {
  it("stores normalized settings and leaves unsent ones alone", async () => {
    const { owner, waitlist } = await ownedList();
    const r = await callOwner(PATCH, { id: waitlist.id }, {
      method: "PATCH",
      cookie: owner.cookie,
      body: { allowlist: ["*.Acme.COM", "Boss@Bücher.example"], banned_keywords: ["Casino"], country_mode: "block", country_codes: ["kp"] },
    });
    expect(r.status).toBe(200);
    expect(await columns(waitlist.id)).toMatchObject({
      allowlist: ["*.acme.com", "boss@xn--bcher-kva.example"],
      blocklist: [],
      blockDisposable: true,
      bannedKeywords: ["casino"],
      countryMode: "block",
      countryCodes: ["KP"],
    });
  });

  it("round-trips the velocity thresholds at their bounds (0 turns a rule off) and keeps them apart from the rest", async () => {
    const { owner, waitlist } = await ownedList();
    const body = { velocity_per_ip: 0, velocity_per_network: 10000, velocity_window_minutes: 10080 };
    const r = await callOwner(PATCH, { id: waitlist.id }, { method: "PATCH", cookie: owner.cookie, body });
    expect(r.status).toBe(200);
    expect(r.json.restrictions).toMatchObject(body);
    expect(await columns(waitlist.id)).toMatchObject({ velocityPerIp: 0, velocityPerNetwork: 10000, velocityWindowMinutes: 10080, blockDisposable: true });
    const again = await callOwner(PATCH, { id: waitlist.id }, { method: "PATCH", cookie: owner.cookie, body: { velocity_per_ip: 1000, velocity_window_minutes: 1 } });
    expect(again.json.restrictions).toMatchObject({ velocity_per_ip: 1000, velocity_per_network: 10000, velocity_window_minutes: 1 });
    expect((await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie })).json.restrictions).toMatchObject({
      velocity_per_ip: 1000,
      velocity_per_network: 10000,
      velocity_window_minutes: 1,
    });
  });

  it.each([
    [{ blocklist: ["not a domain"] }, "blocklist.0"],
    [{ blocklist: "spam.example" }, "blocklist"],
    [{ allowlist: Array.from({ length: 1001 }, (_, i) => `d${i}.example`) }, "allowlist"],
    [{ country_codes: ["Germany"] }, "country_codes.0"],
    [{ sign_up_mode: "invite_only" }, "sign_up_mode"],
    [{ block_disposable: "no" }, "block_disposable"],
    [{ is_open: false }, undefined],
    [{ velocity_per_ip: -1 }, "velocity_per_ip"],
    [{ velocity_per_ip: 1001 }, "velocity_per_ip"],
    [{ velocity_per_ip: 2.5 }, "velocity_per_ip"],
    [{ velocity_per_ip: "3" }, "velocity_per_ip"],
    [{ velocity_per_network: 10001 }, "velocity_per_network"],
    [{ velocity_per_network: null }, "velocity_per_network"],
    [{ velocity_window_minutes: 0 }, "velocity_window_minutes"],
    [{ velocity_window_minutes: 10081 }, "velocity_window_minutes"],
  ])("refuses %j with 400 invalid_input and changes nothing", async (input, field) => {
    const { owner, waitlist } = await ownedList();
    const before = await columns(waitlist.id);
    const r = await callOwner(PATCH, { id: waitlist.id }, { method: "PATCH", cookie: owner.cookie, body: input });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    if (field) expect((r.json.error as { field?: string }).field).toBe(field);
    expect(await columns(waitlist.id)).toEqual(before);
  });

  it("never changes another owner's list (404) and refuses a foreign origin (403)", async () => {
    const { owner, waitlist } = await ownedList();
    const stranger = await signedInOwner();
    const before = await columns(waitlist.id);
    const foreign = await callOwner(PATCH, { id: waitlist.id }, { method: "PATCH", cookie: stranger.cookie, body: { sign_up_mode: "closed" } });
    expect(foreign.status).toBe(404);
    const csrf = await callOwner(PATCH, { id: waitlist.id }, { method: "PATCH", cookie: owner.cookie, origin: "https://evil.example", body: { sign_up_mode: "closed" } });
    expect(csrf.status).toBe(403);
    expect(await columns(waitlist.id)).toEqual(before);
  });
});
