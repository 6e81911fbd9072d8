import { afterAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/waitlists/[id]/fields/route";
import { closeDb, pool } from "@/lib/db";
import { getPublicWaitlist } from "@/lib/waitlists/public";
import { SAMPLE_FIELDS } from "@/tests/support/custom-fields";
import { createWaitlist } from "@/tests/support/fixtures";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

afterAll(closeDb);

async function setup() {
  const owner = await signedInOwner();
  const list = await createWaitlist({ ownerId: owner.id });
  const put = (fields: unknown) => callOwner(PUT, { id: list.id }, { method: "PUT", cookie: owner.cookie, body: { fields } });
  return { owner, list, put };
}

type Saved = { id: string; type: string; label: string; archived: boolean }[];

describe("PUT /api/waitlists/:id/fields", () => {
  it("saves the list, makes ids for new questions and shows at once on the public side", async () => {
    const { owner, list, put } = await setup();
    await getPublicWaitlist(list.slug); // cached before the edit
    const r = await put([...SAMPLE_FIELDS, { type: "long_text", label: "Anything else?" }]);
    expect(r.status).toBe(200);
    const saved = r.json.fields as Saved;
    expect(saved.map((f) => f.id).slice(0, SAMPLE_FIELDS.length)).toEqual(SAMPLE_FIELDS.map((f) => f.id));
    expect(saved.at(-1)?.id).toMatch(/^f_[a-z0-9]{8}$/);
    const got = await callOwner(GET, { id: list.id }, { cookie: owner.cookie });
    expect(got.json.fields).toEqual(saved);
    expect((await getPublicWaitlist(list.slug))?.customFields).toEqual(saved);
  });

  it("archives a question left out instead of deleting it, and brings it back when sent again", async () => {
    const { put } = await setup();
    await put(SAMPLE_FIELDS);
    const without = SAMPLE_FIELDS.filter((f) => f.id !== "site");
    const r = await put(without);
    const saved = r.json.fields as Saved;
    expect(saved.map((f) => f.id)).toEqual([...without.map((f) => f.id), "site"]);
    expect(saved.at(-1)).toMatchObject({ id: "site", archived: true, label: "Your website" });
    const back = (await put(SAMPLE_FIELDS)).json.fields as Saved;
    expect(back.find((f) => f.id === "site")?.archived).toBe(false);
  });

  it("refuses to change a saved question's type", async () => {
    const { list, put } = await setup();
    await put(SAMPLE_FIELDS);
    const r = await put(SAMPLE_FIELDS.map((f) => (f.id === "seats" ? { ...f, type: "short_text", min: null, max: null } : f)));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ ok: false, error: { code: "invalid_input", field: "fields.3.type" } });
    const { rows } = await pool().query<{ custom_fields: Saved }>(`SELECT custom_fields FROM waitlists WHERE id = $1`, [list.id]);
    expect(rows[0]?.custom_fields.find((f) => f.id === "seats")?.type).toBe("number");
  });

  it("refuses a rule on a later question and an 11th question, naming the field", async () => {
    const { put } = await setup();
    const later = await put([{ id: "a", type: "short_text", label: "A", requirement: { required_when: { field: "b", equals: "x" } } }, { id: "b", type: "single_choice", label: "B", choices: ["x"] }]);
    expect(later.status).toBe(400);
    expect(later.json).toMatchObject({ error: { code: "invalid_input", field: "fields.0.requirement.required_when.field" } });
    const eleven = await put(Array.from({ length: 11 }, (_, i) => ({ type: "short_text", label: `Q${i}` })));
    expect(eleven.status).toBe(400);
    expect(eleven.json).toMatchObject({ error: { code: "invalid_input", field: "fields" } });
  });

  it("is another owner's 404", async () => {
    const { list } = await setup();
    const stranger = await signedInOwner();
    const r = await callOwner(PUT, { id: list.id }, { method: "PUT", cookie: stranger.cookie, body: { fields: [] } });
    expect(r.status).toBe(404);
  });
});
