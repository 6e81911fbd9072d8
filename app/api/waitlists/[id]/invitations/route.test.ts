import { afterAll, describe, expect, it } from "vitest";
import { POST as invite } from "@/app/api/waitlists/[id]/invitations/route";
import { GET as exportCsv } from "@/app/api/waitlists/[id]/export.csv/route";
import { GET as lookupCode } from "@/app/api/waitlists/[id]/invite-codes/[code]/route";
import { PATCH as patchSettings } from "@/app/api/waitlists/[id]/invitation-settings/route";
import { PATCH as patchSignup } from "@/app/api/waitlists/[id]/signups/[signupId]/route";
import { DELETE as cancelWave } from "@/app/api/waitlists/[id]/waves/[waveId]/route";
import { GET as listWaves, POST as createWave } from "@/app/api/waitlists/[id]/waves/route";
import { closeDb, db, pool } from "@/lib/db";
import { stopJobs } from "@/lib/jobs/boss";
import { createSignup } from "@/lib/signups/mutations";
import { createWaitlist, uniqueEmail } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

// The owner API of letting people in: thin handlers, zod at the boundary, owner AND id scoping, the one error
// shape, and nothing changed by a refused call.

afterAll(async () => {
  await stopJobs();
  await closeDb();
});

async function ownedList(count: number, overrides: Parameters<typeof createWaitlist>[0] = {}) {
  const owner = await signedInOwner();
  const waitlist = await createWaitlist({ ownerId: owner.id, ...overrides });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail() });
    if (r.kind !== "created") throw new Error(r.kind);
    ids.push(r.id);
  }
  return { owner, waitlist, ids };
}

const statuses = async (waitlistId: string) =>
  (await db().signup.findMany({ where: { waitlistId }, orderBy: { seq: "asc" }, select: { status: true } })).map((s) => s.status);

describe("POST /api/waitlists/:id/invitations", () => {
  it("invites the top N or chosen people", async () => {
    const { owner, waitlist, ids } = await ownedList(4);
    const top = await callOwner(invite, { id: waitlist.id }, { cookie: owner.cookie, body: { top: 2 } });
    expect(top.status).toBe(200);
    expect(top.json).toMatchObject({ ok: true, invited: 2 });
    const chosen = await callOwner(invite, { id: waitlist.id }, { cookie: owner.cookie, body: { signup_ids: [ids[3]] } });
    expect(chosen.json).toEqual({ ok: true, invited: 1, signup_ids: [ids[3]] });
    expect(await statuses(waitlist.id)).toEqual(["INVITED", "INVITED", "WAITING", "INVITED"]);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });

  it("refuses bad input with invalid_input naming the field, and changes nothing", async () => {
    const { owner, waitlist } = await ownedList(2);
    for (const body of [{}, { top: 0 }, { top: 10_001 }, { top: 1.5 }, { top: "2" }, { signup_ids: [] }, { signup_ids: ["nope"] }, { top: 1, signup_ids: [] }]) {
      const r = await callOwner(invite, { id: waitlist.id }, { cookie: owner.cookie, body });
      expect({ body, status: r.status, code: (r.json.error as { code: string }).code }).toEqual({ body, status: 400, code: "invalid_input" });
    }
    expect(await statuses(waitlist.id)).toEqual(["WAITING", "WAITING"]);
  });

  it("another owner's list is a 404", async () => {
    const { waitlist } = await ownedList(1);
    const stranger = await signedInOwner();
    const r = await callOwner(invite, { id: waitlist.id }, { cookie: stranger.cookie, body: { top: 1 } });
    expect(r.status).toBe(404);
    expect(await statuses(waitlist.id)).toEqual(["WAITING"]);
  });
});

describe("GET /api/waitlists/:id/invite-codes/:code", () => {
  it("tells the owner whose code it is and whether it lets them in; another owner learns nothing", async () => {
    const { owner, waitlist, ids } = await ownedList(2, { requireInviteCode: true });
    await callOwner(invite, { id: waitlist.id }, { cookie: owner.cookie, body: { top: 1 } });
    const { rows } = await pool().query<{ invite_code: string; email: string }>(`SELECT invite_code, email FROM signups WHERE id = $1`, [ids[0]]);
    const { invite_code: code, email } = rows[0]!;

    const found = await callOwner(lookupCode, { id: waitlist.id, code: code.toLowerCase() }, { cookie: owner.cookie });
    expect(found.json).toMatchObject({ ok: true, valid: true, signup: { id: ids[0], email, status: "invited" } });
    const unknown = await callOwner(lookupCode, { id: waitlist.id, code: "ZZZZ2222" }, { cookie: owner.cookie });
    expect(unknown.json).toEqual({ ok: true, valid: false, signup: null });

    // The same code asked about on another owner's list, or by another owner: no hint it exists.
    const stranger = await signedInOwner();
    const theirs = await createWaitlist({ ownerId: stranger.id });
    expect((await callOwner(lookupCode, { id: waitlist.id, code }, { cookie: stranger.cookie })).status).toBe(404);
    expect((await callOwner(lookupCode, { id: theirs.id, code }, { cookie: stranger.cookie })).json).toEqual({ ok: true, valid: false, signup: null });

    // Put back in line: the code is on record but no longer lets them in.
    await callOwner(patchSignup, { id: waitlist.id, signupId: ids[0]! }, { cookie: owner.cookie, method: "PATCH", body: { status: "waiting" } });
    expect((await callOwner(lookupCode, { id: waitlist.id, code }, { cookie: owner.cookie })).json).toMatchObject({ valid: false, signup: { status: "waiting" } });
  });
});

describe("PATCH /api/waitlists/:id/signups/:signupId", () => {
  it("sets joined, removed, waiting and invited; refuses a move that makes no sense with conflict", async () => {
    const { owner, waitlist, ids } = await ownedList(2);
    const patch = (signupId: string, status: unknown) =>
      callOwner(patchSignup, { id: waitlist.id, signupId }, { cookie: owner.cookie, method: "PATCH", body: { status } });
    expect((await patch(ids[0]!, "joined")).json).toEqual({ ok: true, changed: true });
    expect((await patch(ids[1]!, "removed")).json).toEqual({ ok: true, changed: true });
    const conflict = await patch(ids[1]!, "invited");
    expect({ status: conflict.status, code: (conflict.json.error as { code: string }).code }).toEqual({ status: 409, code: "conflict" });
    expect((await patch(ids[1]!, "pending")).status).toBe(400);
    expect((await patch(ids[1]!, "waiting")).json).toEqual({ ok: true, changed: true });
    expect((await patch(ids[1]!, "invited")).json).toEqual({ ok: true, changed: true });
    expect(await statuses(waitlist.id)).toEqual(["JOINED", "INVITED"]);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });
});

describe("the list and the export know the new statuses", () => {
  it("filters by joined and removed; 'all' exports waiting by position, then the rest by join order", async () => {
    const { owner, waitlist, ids } = await ownedList(4);
    const patch = (signupId: string, status: string) =>
      callOwner(patchSignup, { id: waitlist.id, signupId }, { cookie: owner.cookie, method: "PATCH", body: { status } });
    await patch(ids[0]!, "joined");
    await patch(ids[1]!, "removed");
    await patch(ids[2]!, "invited");
    const csv = async (query: string) => {
      const req = new Request(`http://localhost:3000/api/waitlists/${waitlist.id}/export.csv${query}`, { headers: { cookie: owner.cookie } });
      const res = await exportCsv(req, { params: Promise.resolve({ id: waitlist.id }) });
      expect(res.status).toBe(200);
      return (await res.text()).trim().split("\n").slice(1).map((line) => line.split(",").slice(0, 1).concat(line.split(",")[8]!));
    };
    expect(await csv("")).toEqual([["1", "waiting"], ["", "joined"], ["", "removed"], ["", "invited"]]);
    expect(await csv("?status=removed")).toEqual([["", "removed"]]);
    expect(await csv("?status=joined")).toEqual([["", "joined"]]);
  });
});

describe("waves and invitation settings", () => {
  it("creates, lists and cancels waves; validates them; scoped by owner", async () => {
    const { owner, waitlist } = await ownedList(0);
    const created = await callOwner(createWave, { id: waitlist.id }, { cookie: owner.cookie, body: { kind: "weekly", size: 100, weekday: 1, time: "10:00" } });
    expect(created.status).toBe(201);
    const wave = created.json.wave as { id: string; next_run_at: string };
    expect(new Date(wave.next_run_at).getUTCDay()).toBe(1);
    for (const body of [
      { kind: "weekly", size: 100, time: "10:00" },
      { kind: "daily", size: 100, time: "25:00" },
      { kind: "hourly", size: 1 },
      { kind: "daily", size: 10_001, time: "10:00" },
      { kind: "once", size: 1, run_at: "2001-01-01T00:00:00Z" },
    ]) {
      const r = await callOwner(createWave, { id: waitlist.id }, { cookie: owner.cookie, body });
      expect({ body, status: r.status, code: (r.json.error as { code: string } | undefined)?.code }).toEqual({ body, status: 400, code: "invalid_input" });
    }
    // An impossible date is refused, not rolled over into the next month (2027-02-31 would be March 3).
    for (const run_at of ["2027-02-31T10:00", "2027-02-30T10:00:00Z", "2027-04-31T09:00:00+02:00"]) {
      const r = await callOwner(createWave, { id: waitlist.id }, { cookie: owner.cookie, body: { kind: "once", size: 1, run_at } });
      expect({ run_at, status: r.status, error: r.json.error }).toEqual({
        run_at,
        status: 400,
        error: { code: "invalid_input", message: "run_at: That date does not exist.", field: "run_at" },
      });
    }
    expect(((await callOwner(listWaves, { id: waitlist.id }, { cookie: owner.cookie })).json.waves as unknown[]).length).toBe(1);

    const stranger = await signedInOwner();
    const theirs = await createWaitlist({ ownerId: stranger.id });
    expect((await callOwner(cancelWave, { id: theirs.id, waveId: wave.id }, { cookie: stranger.cookie, method: "DELETE" })).status).toBe(404);
    expect((await callOwner(cancelWave, { id: waitlist.id, waveId: "not-a-uuid" }, { cookie: owner.cookie, method: "DELETE" })).status).toBe(404);
    const cancelled = await callOwner(cancelWave, { id: waitlist.id, waveId: wave.id }, { cookie: owner.cookie, method: "DELETE" });
    expect(cancelled.json).toMatchObject({ ok: true, wave: { status: "cancelled", next_run_at: null } });
  });

  it("stores the invitation settings; refuses an http link, an unknown zone and unknown fields", async () => {
    const { owner, waitlist } = await ownedList(0);
    const ok = await callOwner(patchSettings, { id: waitlist.id }, {
      cookie: owner.cookie,
      method: "PATCH",
      body: { invite_url: "https://app.example.com", invite_message: "Hi!\nWelcome", require_invite_code: true, time_zone: "America/New_York" },
    });
    expect(ok.json).toEqual({
      ok: true,
      settings: { invite_url: "https://app.example.com", invite_message: "Hi!\nWelcome", require_invite_code: true, time_zone: "America/New_York" },
    });
    for (const [body, field] of [
      [{ invite_url: "http://app.example.com" }, "invite_url"],
      [{ invite_url: "javascript:alert(1)" }, "invite_url"],
      [{ time_zone: "Mars/Olympus" }, "time_zone"],
      [{ invite_message: "x".repeat(2001) }, "invite_message"],
      [{ plan: "PRO" }, undefined],
    ] as const) {
      const r = await callOwner(patchSettings, { id: waitlist.id }, { cookie: owner.cookie, method: "PATCH", body });
      expect({ status: r.status, code: (r.json.error as { code: string }).code }).toEqual({ status: 400, code: "invalid_input" });
      if (field) expect((r.json.error as { field?: string }).field).toBe(field);
    }
    const cleared = await callOwner(patchSettings, { id: waitlist.id }, { cookie: owner.cookie, method: "PATCH", body: { invite_url: null } });
    expect(cleared.json).toMatchObject({ settings: { invite_url: null, time_zone: "America/New_York" } });
  });
});
