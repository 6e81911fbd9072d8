import { describe, expect, it } from "vitest";
import { newFieldId, FIELD_ID_PATTERN } from "@/lib/fields/definitions";
import { fieldListSchema, readFieldDefinitions } from "@/lib/fields/schemas";
import { SAMPLE_FIELDS } from "@/tests/support/custom-fields";

function problem(list: unknown) {
  const parsed = fieldListSchema.safeParse(list);
  if (parsed.success) throw new Error("accepted");
  const issue = parsed.error.issues[0];
  return { path: issue?.path.join("."), message: issue?.message };
}

const choice = { id: "role", type: "single_choice", label: "Role", choices: ["solo", "team"] };

describe("field definitions", () => {
  it("fills every key with its default", () => {
    const [f] = readFieldDefinitions([{ id: "why", type: "long_text", label: " Why? " }]);
    expect(f).toEqual({
      id: "why", type: "long_text", label: "Why?", help: "", placeholder: "", min_length: null, max_length: null,
      min: null, max: null, choices: [], requirement: "optional", archived: false,
    });
  });

  it("accepts the sample list", () => {
    expect(readFieldDefinitions(SAMPLE_FIELDS)).toHaveLength(SAMPLE_FIELDS.length);
  });

  it("allows at most 10 active questions, archived ones aside", () => {
    const many = (n: number, archived = false) =>
      Array.from({ length: n }, (_, i) => ({ id: `q${i}${archived ? "a" : ""}`, type: "short_text", label: `Q${i}`, archived }));
    expect(fieldListSchema.safeParse(many(10)).success).toBe(true);
    expect(problem(many(11)).message).toContain("At most 10");
    expect(fieldListSchema.safeParse([...many(10), ...many(5, true)]).success).toBe(true);
  });

  it("checks types, bounds and choices", () => {
    expect(problem([{ id: "x", type: "date", label: "X" }]).path).toBe("0.type");
    expect(problem([{ id: "x", type: "single_choice", label: "X" }]).path).toBe("0.choices");
    expect(problem([{ id: "x", type: "single_choice", label: "X", choices: Array.from({ length: 21 }, (_, i) => `c${i}`) }]).path).toBe("0.choices");
    expect(problem([{ id: "x", type: "single_choice", label: "X", choices: ["a".repeat(81)] }]).path).toBe("0.choices.0");
    expect(problem([{ id: "x", type: "single_choice", label: "X", choices: ["a", "a"] }]).path).toBe("0.choices");
    expect(problem([{ id: "x", type: "short_text", label: "X", max_length: 201 }]).path).toBe("0.max_length");
    expect(problem([{ id: "x", type: "short_text", label: "X", min_length: 10, max_length: 5 }]).path).toBe("0.min_length");
    expect(problem([{ id: "x", type: "number", label: "X", min: 5, max: 1 }]).path).toBe("0.min");
    expect(problem([{ id: "x", type: "number", label: "X", max_length: 5 }]).path).toBe("0.max_length");
    expect(problem([{ id: "x", type: "short_text", label: "" }]).path).toBe("0.label");
    expect(problem([{ id: "X Y", type: "short_text", label: "X" }]).path).toBe("0.id");
    expect(problem([{ id: "x", type: "short_text", label: "X", colour: "red" }]).path).toBe("0");
    expect(problem([{ id: "x", type: "short_text", label: "X" }, { id: "x", type: "url", label: "Y" }]).path).toBe("1.id");
  });

  describe("required when", () => {
    const when = (field: string, equals: string | boolean) => ({ required_when: { field, equals } });
    it("accepts a rule on an earlier choice or checkbox question", () => {
      expect(fieldListSchema.safeParse([choice, { id: "size", type: "number", label: "Size", requirement: when("role", "team") }]).success).toBe(true);
      const box = { id: "news", type: "checkbox", label: "News" };
      expect(fieldListSchema.safeParse([box, { id: "t", type: "short_text", label: "T", requirement: when("news", true) }]).success).toBe(true);
    });
    it("refuses a missing, later, self or non-choice source", () => {
      const dependent = (equals: string | boolean, field = "role") => ({ id: "size", type: "number", label: "Size", requirement: when(field, equals) });
      expect(problem([choice, dependent("team", "nope")]).message).toContain("does not exist");
      expect(problem([dependent("team"), choice]).message).toContain("above it");
      expect(problem([{ ...dependent("team", "size") }]).message).toContain("above it");
      expect(problem([{ id: "role", type: "short_text", label: "Role" }, dependent("team")]).message).toContain("choice or checkbox");
    });
    it("refuses a value the source cannot take", () => {
      expect(problem([choice, { id: "s", type: "number", label: "S", requirement: when("role", "agency") }]).path).toBe("1.requirement.required_when.equals");
      expect(problem([choice, { id: "s", type: "number", label: "S", requirement: when("role", true) }]).path).toBe("1.requirement.required_when.equals");
      const box = { id: "news", type: "checkbox", label: "News" };
      expect(problem([box, { id: "s", type: "number", label: "S", requirement: when("news", "yes") }]).path).toBe("1.requirement.required_when.equals");
    });
    it("refuses an active rule on an archived source, not an archived one", () => {
      expect(problem([{ ...choice, archived: true }, { id: "s", type: "number", label: "S", requirement: when("role", "team") }]).message).toContain("archived");
      expect(fieldListSchema.safeParse([{ id: "s", type: "number", label: "S", archived: true, requirement: when("gone", "team") }]).success).toBe(true);
    });
  });

  it("makes ids that fit the id pattern", () => {
    const ids = new Set(Array.from({ length: 50 }, newFieldId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(FIELD_ID_PATTERN);
  });

  it("reads a malformed store as no questions", () => {
    expect(readFieldDefinitions({ nope: 1 })).toEqual([]);
    expect(readFieldDefinitions([{ type: "short_text", label: "no id" }])).toEqual([]);
  });
});
