import { z } from "zod";
import {
  ATTRIBUTION_KEYS,
  ATTRIBUTION_MAX_LENGTH,
  cleanAttributionText,
  referrerHost,
  UTM_KEYS,
  type AttributionInput,
} from "@/lib/attribution/rules";

// `attribution` of a signup request, from our own forms or an API caller: utm_* and the referring site, each a
// string of at most ATTRIBUTION_MAX_LENGTH characters after cleaning. Unknown keys and wrong types are refused
// (400 naming `attribution.<key>`), so a caller's typo is not silently lost; an empty value is simply left out.
// Client-safe (zod only).

const utmValue = (key: string) =>
  z
    .string({ error: `attribution.${key} must be text.` })
    .transform(cleanAttributionText)
    .pipe(z.string().max(ATTRIBUTION_MAX_LENGTH, `attribution.${key} is at most ${ATTRIBUTION_MAX_LENGTH} characters.`))
    .nullish();

const referrerValue = z
  .string({ error: "attribution.referrer must be text." })
  .max(2048, "attribution.referrer is at most 2048 characters.")
  .transform((raw, ctx) => {
    if (raw.trim() === "") return "";
    const host = referrerHost(raw);
    if (host === null) {
      ctx.addIssue({ code: "custom", message: "attribution.referrer must be a site, like news.ycombinator.com or a URL on it." });
      return z.NEVER;
    }
    return host;
  })
  .nullish();

const shape = Object.fromEntries([...UTM_KEYS.map((k) => [k, utmValue(k)]), ["referrer", referrerValue]]) as Record<
  (typeof ATTRIBUTION_KEYS)[number],
  z.ZodType<string | null | undefined>
>;

export const attributionSchema = z
  .strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `attribution takes ${ATTRIBUTION_KEYS.join(", ")} only (not ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}).`
        : "attribution must be an object, like {\"utm_source\": \"newsletter\"}.",
  })
  .nullish()
  .transform((value): AttributionInput | null => {
    if (!value) return null;
    const out: AttributionInput = {};
    for (const key of ATTRIBUTION_KEYS) {
      const v = value[key];
      if (typeof v === "string" && v !== "") out[key] = v;
    }
    return Object.keys(out).length > 0 ? out : null;
  });
