import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/waitlists/[id]/review/route";
import { PATCH as restrictionsPATCH } from "@/app/api/waitlists/[id]/restrictions/route";
import { GET as treeGET } from "@/app/api/waitlists/[id]/signups/[signupId]/referrals/route";
import { closeDb, db } from "@/lib/db";
import { createSignup } from "@/lib/signups/mutations";
import { getRefPosition } from "@/lib/signups/status";
import { uniqueEmail } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";
import { expectDocumented as documented, servedOpenApi, type OpenApiDoc } from "@/tests/support/openapi-check";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";
import { heldScene } from "@/tests/support/review-scene";

// The review queue's owner API against real held credits: what it lists, what approve and reject change (and
// what they leave alone), the referral tree, and its answers against the owner OpenAPI document.

let doc: OpenApiDoc;

beforeAll(async () => {
  doc = await servedOpenApi("owner");
});

afterAll(closeDb);

const expectDocumented = (path: string, method: string, r: { status: number; json: unknown }) => documented(doc, path, method, r);

const signup = (id: string) =>
  db().signup.findUniqueOrThrow({ where: { id }, select: { status: true, referralCredit: true, referralCount: true } });

type Held = { id: string; reason: string; reason_text: string; network: string; referrer: { id: string; referrals: number; held: number } };

describe("GET /api/waitlists/:id/review", () => {
  it("lists the held credits oldest first with the reason and the referrer's standing, in keyset pages", async () => {
    const owner = await signedInOwner();
    const { waitlist, referrer, held } = await heldScene(owner.id);
    const r = await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie });
    expect(r.status).toBe(200);
    expectDocumented("/api/waitlists/{id}/review", "get", r);
    expect(r.json.total).toBe(3);
    const rows = r.json.held as Held[];
    expect(rows.map((h) => h.id)).toEqual(held.map((h) => h.id));
    expect(rows[0]).toMatchObject({
      reason: "same_ip",
      network: "198.51.100.0/24",
      referrer: { id: referrer.id, referrals: 1, held: 3 },
    });
    expect(rows[0]!.reason_text).toMatch(/same IP address/);

    const first = await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie, query: "?limit=2" });
    expect((first.json.held as Held[]).map((h) => h.id)).toEqual(held.slice(0, 2).map((h) => h.id));
    const cursor = first.json.next_cursor as string;
    expect(cursor).toEqual(expect.any(String));
    const second = await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie, query: `?limit=2&cursor=${cursor}` });
    expect(second.json).toMatchObject({ total: 3, next_cursor: null });
    expect((second.json.held as Held[]).map((h) => h.id)).toEqual([held[2]!.id]);
  });

  it("answers 400 for a bad limit, 404 for another owner's list and 401 without a session", async () => {
    const owner = await signedInOwner();
    const { waitlist } = await heldScene(owner.id, { friends: 2 });
    const bad = await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie, query: "?limit=0" });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: "invalid_input", field: "limit" } } });
    expectDocumented("/api/waitlists/{id}/review", "get", bad);
    const stranger = await signedInOwner();
    const foreign = await callOwner(GET, { id: waitlist.id }, { cookie: stranger.cookie });
    expect(foreign).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    expect((await callOwner(GET, { id: waitlist.id })).status).toBe(401);
  });
});

describe("POST /api/waitlists/:id/review", () => {
  it("approves in bulk: the referrer is credited and moves up, positions follow the definition", async () => {
    const owner = await signedInOwner();
    const { waitlist, referrer, held } = await heldScene(owner.id, { people: 6 });
    const before = await getRefPosition(waitlist.id, referrer.refCode);
    expect(before).toBe(5);
    const ids = [held[0]!.id, held[1]!.id];
    const r = await callOwner(POST, { id: waitlist.id }, { cookie: owner.cookie, body: { action: "approve", ids } });
    expect(r.status).toBe(200);
    expectDocumented("/api/waitlists/{id}/review", "post", r);
    expect((r.json.changed as string[]).sort()).toEqual([...ids].sort());
    expect(await signup(referrer.id)).toMatchObject({ referralCount: 3 });
    expect(await signup(held[0]!.id)).toMatchObject({ status: "WAITING", referralCredit: "credited" });
    expect(await getRefPosition(waitlist.id, referrer.refCode)).toBe(before! - 2);
    await expectLineMatchesDefinition(waitlist.id, 1);

    // Approving again changes nothing; the queue keeps the one left.
    const again = await callOwner(POST, { id: waitlist.id }, { cookie: owner.cookie, body: { action: "approve", ids } });
    expect(again.json).toEqual({ ok: true, changed: [] });
    expect((await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie })).json.total).toBe(1);
  });

  it("rejects in bulk: the referees are removed, no credit given, everyone behind moves up", async () => {
    const owner = await signedInOwner();
    const { waitlist, referrer, held } = await heldScene(owner.id);
    const ids = held.map((h) => h.id);
    const r = await callOwner(POST, { id: waitlist.id }, { cookie: owner.cookie, body: { action: "reject", ids } });
    expect(r.status).toBe(200);
    expect((r.json.changed as string[]).sort()).toEqual([...ids].sort());
    for (const h of held) expect(await signup(h.id)).toMatchObject({ status: "REMOVED", referralCredit: "rejected" });
    expect(await signup(referrer.id)).toMatchObject({ referralCount: 1 });
    expect((await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie })).json).toMatchObject({ held: [], total: 0 });
    await expectLineMatchesDefinition(waitlist.id, 1);
  });

  it("changes nothing for ids of another list, even the same owner's, or ids that are not held", async () => {
    const owner = await signedInOwner();
    const mine = await heldScene(owner.id);
    const other = await heldScene(owner.id, { ip: "192.0.2.9" });
    for (const action of ["approve", "reject"]) {
      const ids = [...other.held.map((h) => h.id), other.credited.id, mine.credited.id, mine.referrer.id];
      const r = await callOwner(POST, { id: mine.waitlist.id }, { cookie: owner.cookie, body: { action, ids } });
      expect(r.json).toEqual({ ok: true, changed: [] });
    }
    for (const h of other.held) expect(await signup(h.id)).toMatchObject({ status: "WAITING", referralCredit: "held" });
    expect(await signup(other.referrer.id)).toMatchObject({ referralCount: 1 });
    expect(await signup(mine.credited.id)).toMatchObject({ status: "WAITING", referralCredit: "credited" });
    await expectLineMatchesDefinition(mine.waitlist.id, 1);
    await expectLineMatchesDefinition(other.waitlist.id, 1);
  });

  const someId = "00000000-0000-4000-8000-000000000000";
  it.each([
    ["an unknown action", { action: "keep", ids: [someId] }, "action"],
    ["no ids", { action: "approve", ids: [] }, "ids"],
    ["an id that is no uuid", { action: "approve", ids: ["not-a-uuid"] }, "ids.0"],
    ["ids as a string", { action: "approve", ids: someId }, "ids"],
    ["ids missing", { action: "approve" }, "ids"],
    ["501 ids", { action: "approve", ids: Array.from({ length: 501 }, () => someId) }, "ids"],
  ])("refuses %s with 400 invalid_input and changes nothing", async (_label, body, field) => {
    const owner = await signedInOwner();
    const { waitlist, held } = await heldScene(owner.id, { friends: 2 });
    const r = await callOwner(POST, { id: waitlist.id }, { cookie: owner.cookie, body });
    expect(r).toMatchObject({ status: 400, json: { ok: false, error: { code: "invalid_input", field } } });
    expectDocumented("/api/waitlists/{id}/review", "post", r);
    expect(await signup(held[0]!.id)).toMatchObject({ status: "WAITING", referralCredit: "held" });
  });

  it("answers 400 bad_json for a body that is not a JSON object", async () => {
    const owner = await signedInOwner();
    const { waitlist } = await heldScene(owner.id, { friends: 2 });
    const r = await callOwner(POST, { id: waitlist.id }, { cookie: owner.cookie, body: ["approve"] });
    expect(r).toMatchObject({ status: 400, json: { ok: false, error: { code: "bad_json" } } });
    expectDocumented("/api/waitlists/{id}/review", "post", r);
  });

  it("answers 404 to another owner, 403 to a foreign origin, and changes nothing", async () => {
    const owner = await signedInOwner();
    const { waitlist, held } = await heldScene(owner.id, { friends: 2 });
    const body = { action: "reject", ids: [held[0]!.id] };
    const stranger = await signedInOwner();
    expect((await callOwner(POST, { id: waitlist.id }, { cookie: stranger.cookie, body })).status).toBe(404);
    const csrf = await callOwner(POST, { id: waitlist.id }, { cookie: owner.cookie, origin: "https://evil.example", body });
    expect(csrf.status).toBe(403);
    expect(await signup(held[0]!.id)).toMatchObject({ status: "WAITING", referralCredit: "held" });
  });
});

describe("the thresholds set through the restrictions API decide what is held", () => {
  it("holds past velocity_per_ip, and credits again once both rules are off", async () => {
    const owner = await signedInOwner();
    const { waitlist, referrer } = await heldScene(owner.id, { friends: 0 });
    const patch = (body: object) => callOwner(restrictionsPATCH, { id: waitlist.id }, { method: "PATCH", cookie: owner.cookie, body });
    expect((await patch({ velocity_per_ip: 2 })).status).toBe(200);
    const join = async () => {
      const r = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail(), ref: referrer.refCode, ip: "203.0.113.5" });
      if (r.kind !== "created") throw new Error(r.kind);
      return (await signup(r.id)).referralCredit;
    };
    expect([await join(), await join(), await join()]).toEqual(["credited", "credited", "held"]);
    expect((await patch({ velocity_per_ip: 0, velocity_per_network: 0 })).status).toBe(200);
    expect(await join()).toBe("credited");
    expect((await callOwner(GET, { id: waitlist.id }, { cookie: owner.cookie })).json.total).toBe(1);
    await expectLineMatchesDefinition(waitlist.id, 1);
  });
});

describe("GET /api/waitlists/:id/signups/:signupId/referrals", () => {
  it("answers the referrer's tree: the person, then the people they brought with their credit state", async () => {
    const owner = await signedInOwner();
    const { waitlist, referrer, credited, held } = await heldScene(owner.id);
    await callOwner(POST, { id: waitlist.id }, { cookie: owner.cookie, body: { action: "reject", ids: [held[0]!.id] } });
    const r = await callOwner(treeGET, { id: waitlist.id, signupId: referrer.id }, { cookie: owner.cookie });
    expect(r.status).toBe(200);
    expectDocumented("/api/waitlists/{id}/signups/{signupId}/referrals", "get", r);
    const nodes = r.json.nodes as { id: string; parent_id: string | null; depth: number; credit: string | null; status: string }[];
    expect(r.json).toMatchObject({ root_id: referrer.id, truncated: false });
    expect(nodes[0]).toMatchObject({ id: referrer.id, parent_id: null, depth: 0, credit: null, status: "waiting" });
    expect(nodes.slice(1).map((n) => [n.id, n.parent_id, n.depth, n.credit, n.status])).toEqual([
      [credited.id, referrer.id, 1, "credited", "waiting"],
      [held[0]!.id, referrer.id, 1, "rejected", "removed"],
      [held[1]!.id, referrer.id, 1, "held", "waiting"],
      [held[2]!.id, referrer.id, 1, "held", "waiting"],
    ]);
  });

  it("answers 404 for a person of another list, a malformed id, or another owner's list", async () => {
    const owner = await signedInOwner();
    const mine = await heldScene(owner.id, { friends: 1 });
    const other = await heldScene(owner.id, { friends: 1 });
    for (const signupId of [other.referrer.id, "nope", "00000000-0000-4000-8000-000000000000"]) {
      const r = await callOwner(treeGET, { id: mine.waitlist.id, signupId }, { cookie: owner.cookie });
      expect(r).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
      expectDocumented("/api/waitlists/{id}/signups/{signupId}/referrals", "get", r);
    }
    const stranger = await signedInOwner();
    expect((await callOwner(treeGET, { id: mine.waitlist.id, signupId: mine.referrer.id }, { cookie: stranger.cookie })).status).toBe(404);
  });
});
