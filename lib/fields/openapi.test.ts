import { afterAll, beforeAll, describe, it } from "vitest";
import { GET as getFields } from "@/app/api/public/[slug]/fields/route";
import { closeDb } from "@/lib/db";
import { readFieldDefinitions } from "@/lib/fields/schemas";
import { SAMPLE_FIELDS } from "@/tests/support/custom-fields";
import { createWaitlist, params, routeRequest, uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { expectDocumented, servedOpenApi, type OpenApiDoc } from "@/tests/support/openapi-check";
import { enforceTurnstileAgainstFake, passToken, postSignup } from "@/tests/support/public-api";

// The custom-field answers of the real handlers, validated against the served OpenAPI document.

let doc: OpenApiDoc;
let fake: Awaited<ReturnType<typeof enforceTurnstileAgainstFake>>;
beforeAll(async () => {
  fake = await enforceTurnstileAgainstFake();
  doc = await servedOpenApi();
});
afterAll(async () => {
  await fake.close();
  await closeDb();
});

const fields = async (slug: string) => {
  const res = await getFields(routeRequest(`/api/public/${slug}/fields`, undefined), params({ slug }));
  return { status: res.status, json: (await res.json()) as unknown };
};

describe("custom fields in the OpenAPI document", () => {
  it("documents GET fields: 200 with every type and a condition, empty, and 404", async () => {
    const w = await createWaitlist({ customFields: readFieldDefinitions(SAMPLE_FIELDS) });
    expectDocumented(doc, "/api/public/{slug}/fields", "get", await fields(w.slug));
    expectDocumented(doc, "/api/public/{slug}/fields", "get", await fields((await createWaitlist()).slug));
    expectDocumented(doc, "/api/public/{slug}/fields", "get", await fields(uniqueSlug("none")));
  });

  it("documents signups with answers, accepted and refused", async () => {
    const w = await createWaitlist({ customFields: readFieldDefinitions(SAMPLE_FIELDS) });
    const path = "/api/public/{slug}/signup";
    const answers = { role: "a team", company_size: "11-50", plans: ["Pro"], seats: 4, terms: true };
    expectDocumented(doc, path, "post", await postSignup(w.slug, { email: uniqueEmail(), turnstile: passToken(), answers }));
    expectDocumented(doc, path, "post", await postSignup(w.slug, { email: uniqueEmail(), turnstile: passToken(), answers: { terms: true } }));
  });
});
