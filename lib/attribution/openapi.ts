import { ATTRIBUTION_MAX_LENGTH, UTM_KEYS } from "@/lib/attribution/rules";
import { METADATA_MAX_KEY_LENGTH, METADATA_MAX_KEYS, METADATA_MAX_VALUE_LENGTH } from "@/lib/signups/metadata";

// The signup request's `metadata` and `attribution` in the OpenAPI document (lib/api/openapi.ts), from the
// same constants the validation uses.

const utm = (key: string) => ({ type: ["string", "null"], maxLength: ATTRIBUTION_MAX_LENGTH, description: `The landing URL's ${key}.` });

export const signupExtrasProperties = {
  metadata: {
    type: ["object", "null"],
    maxProperties: METADATA_MAX_KEYS,
    propertyNames: { minLength: 1, maxLength: METADATA_MAX_KEY_LENGTH },
    additionalProperties: { type: ["string", "number", "boolean", "null"], maxLength: METADATA_MAX_VALUE_LENGTH },
    description:
      `Your own data about this person, stored with the signup and shown in the dashboard, CSV and owner API: at ` +
      `most ${METADATA_MAX_KEYS} keys, keys and string values at most ${METADATA_MAX_VALUE_LENGTH} characters, values ` +
      "a string, number, boolean or null (no nested objects or arrays). Anything else is 400 invalid_input with " +
      "error.field `metadata` or `metadata.<key>`. The whole body is still at most 8 KB.",
  },
  attribution: {
    type: ["object", "null"],
    additionalProperties: false,
    properties: {
      ...Object.fromEntries(UTM_KEYS.map((k) => [k, utm(k)])),
      referrer: {
        type: ["string", "null"],
        maxLength: 2048,
        description: "The referring site: a URL or host name; only its host name is stored (without www.).",
      },
    },
    description:
      "Where this person came from. The hosted page and the embeds send it themselves; API callers may pass " +
      "their own. Unknown keys or values that are not text are 400 invalid_input with error.field " +
      "`attribution.<key>`. The referral code (`ref`) is recorded by the server.",
  },
} as const;
