import { describe, expect, it } from "vitest";
import { toPublicFields } from "@/lib/fields/definitions";
import { fieldListSchema, readFieldDefinitions } from "@/lib/fields/schemas";
import { validateAnswers } from "@/lib/fields/validate";
import { SAMPLE_FIELDS } from "@/tests/support/custom-fields";

const fields = toPublicFields(readFieldDefinitions(SAMPLE_FIELDS));
const base = { role: "myself", terms: true };

function refused(answers: unknown) {
  const v = validateAnswers(fields, answers);
  if (v.ok) throw new Error(`accepted ${JSON.stringify(answers)}`);
  return v;
}

describe("validateAnswers", () => {
  it("reads the sample list (the fixture is valid)", () => {
    expect(fields.map((f) => f.id)).toEqual(["role", "company_size", "site", "seats", "plans", "terms"]);
  });

  it("accepts and cleans a full set of answers", () => {
    const v = validateAnswers(fields, {
      role: "a team", company_size: "  11-50 ", site: "https://acme.example/x", seats: 12, plans: ["Pro", "Free", "Pro"], terms: true,
    });
    expect(v).toEqual({
      ok: true,
      answers: { role: "a team", company_size: "11-50", site: "https://acme.example/x", seats: 12, plans: ["Free", "Pro"], terms: true },
    });
  });

  it("treats missing, null, empty and [] as no answer", () => {
    expect(validateAnswers(fields, { ...base, site: "  ", seats: null, plans: [] })).toEqual({ ok: true, answers: base });
  });

  it("refuses a missing required answer, naming the question", () => {
    expect(refused({ terms: true })).toEqual({ ok: false, field: "answers.role", message: '"I\'m signing up as" needs an answer.' });
    expect(refused({ role: "myself", terms: false })).toMatchObject({ field: "answers.terms", message: expect.stringContaining("I accept the terms") });
    expect(refused(undefined).field).toBe("answers.role");
  });

  it("requires a conditional question only when its condition holds", () => {
    expect(refused({ role: "a team", terms: true })).toMatchObject({ field: "answers.company_size", message: '"Company size" needs an answer.' });
    expect(validateAnswers(fields, { role: "myself", terms: true }).ok).toBe(true);
  });

  it("drops the answer to a conditional question that is not asked", () => {
    expect(validateAnswers(fields, { role: "myself", company_size: "11-50", terms: true })).toEqual({ ok: true, answers: base });
  });

  it("refuses wrong types", () => {
    expect(refused({ ...base, seats: "12" }).field).toBe("answers.seats");
    expect(refused({ ...base, seats: Number.NaN }).field).toBe("answers.seats");
    expect(refused({ ...base, site: 5 }).field).toBe("answers.site");
    expect(refused({ ...base, plans: "Pro" }).field).toBe("answers.plans");
    expect(refused({ ...base, terms: "yes" }).field).toBe("answers.terms");
    expect(refused({ ...base, role: ["myself"] }).field).toBe("answers.role");
    expect(refused([]).field).toBe("answers");
  });

  it("refuses values out of bounds", () => {
    expect(refused({ role: "a team", company_size: "1", terms: true })).toMatchObject({ message: '"Company size" needs at least 2 characters.' });
    expect(refused({ role: "a team", company_size: "x".repeat(21), terms: true }).message).toContain("at most 20 characters");
    expect(refused({ ...base, seats: 0 }).message).toBe('"Seats" must be at least 1.');
    expect(refused({ ...base, seats: 501 }).message).toBe('"Seats" must be at most 500.');
    expect(refused({ ...base, site: "javascript:alert(1)" }).field).toBe("answers.site");
    expect(refused({ ...base, site: `https://a.example/${"x".repeat(500)}` }).field).toBe("answers.site");
  });

  it("refuses unknown choices and unknown keys", () => {
    expect(refused({ ...base, role: "a robot" })).toMatchObject({ field: "answers.role", message: expect.stringContaining('no option "a robot"') });
    expect(refused({ ...base, plans: ["Pro", "Gold"] }).field).toBe("answers.plans");
    expect(refused({ ...base, favourite_colour: "blue" })).toMatchObject({ field: "answers.favourite_colour" });
  });

  it("refuses answers to archived questions as unknown", () => {
    const list = readFieldDefinitions(SAMPLE_FIELDS.map((f) => (f.id === "site" ? { ...f, archived: true } : f)));
    const v = validateAnswers(toPublicFields(list), { ...base, site: "https://a.example" });
    expect(v).toMatchObject({ ok: false, field: "answers.site" });
  });

  it("stays consistent with the definition schema's checkbox condition", () => {
    const list = fieldListSchema.parse([
      { id: "news", type: "checkbox", label: "Send me news" },
      { id: "topics", type: "long_text", label: "Topics", requirement: { required_when: { field: "news", equals: true } } },
    ]);
    const defs = toPublicFields(readFieldDefinitions(list));
    expect(validateAnswers(defs, { news: true })).toMatchObject({ ok: false, field: "answers.topics" });
    expect(validateAnswers(defs, { news: false, topics: "x" })).toEqual({ ok: true, answers: { news: false } });
  });
});
