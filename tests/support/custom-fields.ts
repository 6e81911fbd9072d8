import type { FieldInput } from "@/lib/fields/schemas";

// A question list like the example: "I'm signing up as" (single choice); "Company size" required when
// it is "a team"; an optional URL, a bounded number, a multiple choice and a required consent box.

export const SAMPLE_FIELDS = [
  { id: "role", type: "single_choice", label: "I'm signing up as", choices: ["myself", "a team"], requirement: "required" },
  { id: "company_size", type: "short_text", label: "Company size", min_length: 2, max_length: 20, requirement: { required_when: { field: "role", equals: "a team" } } },
  { id: "site", type: "url", label: "Your website" },
  { id: "seats", type: "number", label: "Seats", min: 1, max: 500 },
  { id: "plans", type: "multiple_choice", label: "Plans you'd consider", choices: ["Free", "Pro", "Enterprise"] },
  { id: "terms", type: "checkbox", label: "I accept the terms", requirement: "required" },
] satisfies FieldInput[] | object[];
