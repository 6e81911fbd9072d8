import {
  CHOICE_MAX,
  CHOICES_MAX,
  FIELD_ID_PATTERN,
  FIELD_TYPES,
  HELP_MAX,
  LABEL_MAX,
  MAX_ACTIVE_FIELDS,
  PLACEHOLDER_MAX,
} from "@/lib/fields/definitions";

// The custom-field parts of the public OpenAPI document (lib/api/openapi.ts spreads these in): the question
// list endpoint, the question schema, and the answers object of a signup request.

type ErrorResponse = (description: string, codes: string[]) => object;

const nullableCount = { type: ["integer", "null"], minimum: 0 };
const nullableNumber = { type: ["number", "null"] };

export function fieldsPaths(error: ErrorResponse, slugParam: object, rateLimitHeaders: object) {
  return {
    "/api/public/{slug}/fields": {
      get: {
        operationId: "getFields",
        summary:
          "The waitlist's own questions, in form order (custom fields; the contract's name/company/twitter stay in " +
          "the config). Send answers as `answers` on the signup, keyed by question id. Cached at the edge for 60 s.",
        parameters: [slugParam],
        responses: {
          "200": {
            description: "The active questions (archived ones are not asked and not listed).",
            headers: rateLimitHeaders,
            content: { "application/json": { schema: { $ref: "#/components/schemas/FieldList" } } },
          },
          "404": error("Slug doesn't exist.", ["not_found"]),
          "429": error("Rate limited.", ["rate_limited"]),
        },
      },
    },
  };
}

export const fieldsSchemas = {
  FieldList: {
    type: "object",
    additionalProperties: false,
    required: ["fields"],
    properties: { fields: { type: "array", maxItems: MAX_ACTIVE_FIELDS, items: { $ref: "#/components/schemas/Field" } } },
  },
  Field: {
    type: "object",
    additionalProperties: false,
    required: ["id", "type", "label", "help", "placeholder", "min_length", "max_length", "min", "max", "choices", "requirement"],
    properties: {
      id: { type: "string", pattern: FIELD_ID_PATTERN.source, description: "The key of this question's answer in `answers`." },
      type: {
        enum: [...FIELD_TYPES],
        description:
          "Answer types: short_text, long_text, url: string; number: number; checkbox: boolean; single_choice: one " +
          "of `choices`; multiple_choice: an array of `choices`.",
      },
      label: { type: "string", minLength: 1, maxLength: LABEL_MAX },
      help: { type: "string", maxLength: HELP_MAX },
      placeholder: { type: "string", maxLength: PLACEHOLDER_MAX },
      min_length: { ...nullableCount, description: "Text and URL: the shortest answer in characters." },
      max_length: { ...nullableCount, description: "Text and URL: the longest answer (null: the type's default cap)." },
      min: { ...nullableNumber, description: "Number: the smallest value." },
      max: { ...nullableNumber, description: "Number: the largest value." },
      choices: { type: "array", maxItems: CHOICES_MAX, items: { type: "string", maxLength: CHOICE_MAX } },
      requirement: {
        description:
          "required, optional, or required when an earlier choice/checkbox question has a value (a multiple " +
          "choice: includes it). A question whose condition does not hold is not asked: an answer to it is dropped.",
        oneOf: [
          { enum: ["required", "optional"] },
          {
            type: "object",
            additionalProperties: false,
            required: ["required_when"],
            properties: {
              required_when: {
                type: "object",
                additionalProperties: false,
                required: ["field", "equals"],
                properties: { field: { type: "string" }, equals: { type: ["string", "boolean"] } },
              },
            },
          },
        ],
      },
    },
  },
  Answers: {
    type: "object",
    description:
      "Answers to the waitlist's questions (GET /api/public/{slug}/fields), keyed by question id. A missing " +
      "required answer, a wrong type, a value out of bounds, an unknown option or an unknown key is 400 " +
      "invalid_input with `field` = `answers.<id>`.",
    additionalProperties: {
      oneOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }, { type: "array", items: { type: "string" } }, { type: "null" }],
    },
  },
} as const;
