import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { createWaitlist, uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
import { expectDocumented, servedOpenApi, validatorFor as validatorIn, type OpenApiDoc } from "@/tests/support/openapi-check";
import { enforceTurnstileAgainstFake, getConfig, passToken, postSignup } from "@/tests/support/public-api";

// Real responses of the real handlers, validated against the served OpenAPI document.

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

const validatorFor = (path: string, method: string, status: number) => validatorIn(doc, path, method, status);
const expectValid = (path: string, method: string, r: { status: number; json: unknown }) => expectDocumented(doc, path, method, r);

describe("the OpenAPI document matches real responses", () => {
  it("is OpenAPI 3.1 and describes the public endpoints", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/public/confirm/{token}",
      "/api/public/{slug}/config",
      "/api/public/{slug}/signup",
    ]);
  });

  it("for config: 200 and 404", async () => {
    const w = await createWaitlist();
    expectValid("/api/public/{slug}/config", "get", await getConfig(w.slug));
    expectValid("/api/public/{slug}/config", "get", await getConfig(uniqueSlug("none")));
  });

  it("for signup: created, duplicate, 400s, 403s and 404", async () => {
    const w = await createWaitlist({ capacity: 1 });
    const path = "/api/public/{slug}/signup";
    const email = uniqueEmail();
    expectValid(path, "post", await postSignup(w.slug, { email, turnstile: passToken() }));
    expectValid(path, "post", await postSignup(w.slug, { email, turnstile: passToken() }));
    expectValid(path, "post", await postSignup(w.slug, { email: "bad", turnstile: passToken() }));
    expectValid(path, "post", await postSignup(w.slug, { email: uniqueEmail(), website: "x" }));
    expectValid(path, "post", await postSignup(w.slug, { email: uniqueEmail(), turnstile: "fail-x" }));
    expectValid(path, "post", await postSignup(w.slug, { email: uniqueEmail(), turnstile: passToken() }));
    expectValid(path, "post", await postSignup(uniqueSlug("none"), { email: uniqueEmail() }));
  });

  it("rejects a response that breaks the contract (the check can fail)", () => {
    const validate = validatorFor("/api/public/{slug}/signup", "post", 200);
    expect(validate({ ok: true, position: 0, ref_code: "lower123", share_path: "/x" })).toBe(false);
  });
});
