import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as dataGET } from "@/app/api/public/data/[token]/route";
import { POST as leavePOST } from "@/app/api/public/leave/[token]/route";
import { POST as statusLinkPOST } from "@/app/api/public/[slug]/status-link/route";
import { closeDb } from "@/lib/db";
import { createSignup } from "@/lib/signups/mutations";
import { createWaitlist, params, routeRequest, uniqueEmail, uniqueSlug } from "@/tests/support/fixtures";
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
      "/api/public/data/{token}",
      "/api/public/leave/{token}",
      "/api/public/{slug}/config",
      "/api/public/{slug}/fields",
      "/api/public/{slug}/signup",
      "/api/public/{slug}/status-link",
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

  it("for the self-service endpoints: status link, download my data, leave", async () => {
    const w = await createWaitlist();
    const email = uniqueEmail();
    const s = await createSignup({ waitlistId: w.id, email, name: "Doc" });
    if (s.kind !== "created") throw new Error(s.kind);
    const answer = async (res: Response) => ({ status: res.status, json: (await res.json()) as unknown });

    const link = (slug: string, body: unknown) => statusLinkPOST(routeRequest(`/api/public/${slug}/status-link`, body), params({ slug }));
    const path = "/api/public/{slug}/status-link";
    const linkAnswers = [
      await answer(await link(w.slug, { email, turnstile: passToken() })),
      await answer(await link(w.slug, { email: uniqueEmail(), turnstile: passToken() })),
      await answer(await link(w.slug, { email: "bad", turnstile: passToken() })),
      await answer(await link(w.slug, { email, turnstile: "fail-x" })),
      await answer(await link(uniqueSlug("none"), { email })),
      await answer(await link(w.slug, { email, turnstile: passToken() })),
      await answer(await link(w.slug, { email, turnstile: passToken() })),
      await answer(await link(w.slug, { email, turnstile: passToken() })), // the address's fourth today
    ];
    expect(linkAnswers.map((a) => a.status)).toEqual([200, 200, 400, 403, 404, 200, 200, 429]);
    for (const a of linkAnswers) expectValid(path, "post", a);

    const data = (token: string) => dataGET(routeRequest(`/api/public/data/${token}`, undefined), params({ token }));
    const dataAnswers = [await answer(await data(s.statusToken)), await answer(await data("nope"))];
    expect(dataAnswers.map((a) => a.status)).toEqual([200, 404]);
    for (const a of dataAnswers) expectValid("/api/public/data/{token}", "get", a);

    const leave = (token: string, body: string) =>
      leavePOST(routeRequest(`/api/public/leave/${token}`, body, { headers: { "content-type": "application/x-www-form-urlencoded" } }), params({ token }));
    const leaveAnswers = [
      await answer(await leave(s.statusToken, "leave=no")),
      await answer(await leave(s.statusToken, "leave=erase")),
      await answer(await leave(s.statusToken, "leave=erase")),
    ];
    expect(leaveAnswers.map((a) => a.status)).toEqual([400, 200, 404]);
    for (const a of leaveAnswers) expectValid("/api/public/leave/{token}", "post", a);
  });

  it("rejects a response that breaks the contract (the check can fail)", () => {
    const validate = validatorFor("/api/public/{slug}/signup", "post", 200);
    expect(validate({ ok: true, position: 0, ref_code: "lower123", share_path: "/x" })).toBe(false);
  });
});
