import { describe, expect, it } from "vitest";
import { GET as listDeliveriesGET } from "@/app/api/waitlists/[id]/webhooks/deliveries/route";
import { POST as resendPOST } from "@/app/api/waitlists/[id]/webhooks/deliveries/[deliveryId]/resend/route";
import { GET as endpointDeliveriesGET } from "@/app/api/waitlists/[id]/webhooks/[endpointId]/deliveries/route";
import { DELETE, GET as oneGET, PATCH } from "@/app/api/waitlists/[id]/webhooks/[endpointId]/route";
import { POST as rotatePOST } from "@/app/api/waitlists/[id]/webhooks/[endpointId]/rotate-secret/route";
import { POST as testPOST } from "@/app/api/waitlists/[id]/webhooks/[endpointId]/test/route";
import { POST as resendFailedPOST } from "@/app/api/waitlists/[id]/webhooks/resend-failed/route";
import { GET, POST } from "@/app/api/waitlists/[id]/webhooks/route";
import { webhookPaths, webhookSchemas } from "@/lib/webhooks/openapi";
import { db } from "@/lib/db";
import { createKey } from "@/lib/keys/mutations";
import { createWaitlist } from "@/tests/support/fixtures";
import { expectDocumented, servedOpenApi, type OpenApiDoc } from "@/tests/support/openapi-check";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

// The owner's webhook routes through their real handlers, every answer checked against the OpenAPI fragment the
// owner document merges (lib/webhooks/openapi.ts). Targets are public IP literals: saving needs no DNS, and the
// dispatcher does not run here, so nothing is sent.

async function fragmentDoc(): Promise<OpenApiDoc> {
  const served = await servedOpenApi();
  return {
    openapi: "3.1.0",
    paths: webhookPaths as unknown as OpenApiDoc["paths"],
    components: { schemas: { ...(webhookSchemas as Record<string, object>), Error: served.components.schemas.Error! } },
  };
}

describe("webhook routes", () => {
  it("creates, reads, edits, tests, rotates, lists, resends and deletes, as documented", async () => {
    const doc = await fragmentDoc();
    const owner = await signedInOwner();
    const { id } = await createWaitlist({ ownerId: owner.id });
    const base = "/api/waitlists/{id}/webhooks";
    const as = { cookie: owner.cookie };

    const created = await callOwner(POST, { id }, { ...as, body: { url: "https://93.184.215.14/hooks", events: ["signup.created", "signup.created"] } });
    expect(created.status).toBe(201);
    expectDocumented(doc, base, "post", created);
    const endpoint = created.json.endpoint as { id: string; events: string[] };
    expect(endpoint.events).toEqual(["signup.created"]);
    expect(created.json.secret).toMatch(/^whsec_/);
    const secret = created.json.secret as string;

    const listed = await callOwner(GET, { id }, as);
    expectDocumented(doc, base, "get", listed);
    expect(listed.json.endpoints).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain(secret);

    const p = { id, endpointId: endpoint.id };
    expectDocumented(doc, `${base}/{endpointId}`, "get", await callOwner(oneGET, p, as));
    const patched = await callOwner(PATCH, p, { ...as, method: "PATCH", body: { description: "CRM sync", events: ["signup.joined"] } });
    expectDocumented(doc, `${base}/{endpointId}`, "patch", patched);
    expect(patched.json.endpoint).toMatchObject({ description: "CRM sync", events: ["signup.joined"] });

    const tested = await callOwner(testPOST, p, { ...as, method: "POST" });
    expect(tested.status).toBe(202);
    expectDocumented(doc, `${base}/{endpointId}/test`, "post", tested);

    const rotated = await callOwner(rotatePOST, p, { ...as, method: "POST" });
    expectDocumented(doc, `${base}/{endpointId}/rotate-secret`, "post", rotated);
    expect(rotated.json.secret).not.toBe(secret);
    expect(rotated.json.endpoint).toMatchObject({ previous_secret_expires_at: expect.any(String) });

    const all = await callOwner(listDeliveriesGET, { id }, { ...as, query: "?limit=1" });
    expectDocumented(doc, `${base}/deliveries`, "get", all);
    const deliveries = all.json.deliveries as { id: string; event_type: string; status: string }[];
    expect(deliveries).toMatchObject([{ event_type: "webhook.test", status: "pending" }]);
    const mine = await callOwner(endpointDeliveriesGET, p, { ...as, query: "?status=pending" });
    expectDocumented(doc, `${base}/{endpointId}/deliveries`, "get", mine);

    const resent = await callOwner(resendPOST, { id, deliveryId: deliveries[0]!.id }, { ...as, method: "POST" });
    expect(resent.status).toBe(202);
    expectDocumented(doc, `${base}/deliveries/{deliveryId}/resend`, "post", resent);
    const failed = await callOwner(resendFailedPOST, { id }, { ...as, body: { since: "2026-01-01T00:00:00Z" } });
    expectDocumented(doc, `${base}/resend-failed`, "post", failed);
    expect(failed.json.resent).toBe(0);

    const gone = await callOwner(DELETE, p, { ...as, method: "DELETE" });
    expectDocumented(doc, `${base}/{endpointId}`, "delete", gone);
    expectDocumented(doc, `${base}/{endpointId}`, "get", await callOwner(oneGET, p, as));
  });

  it("refuses internal URLs with invalid_webhook_url, bad events and cursors with invalid_input, an 11th endpoint with 409", async () => {
    const doc = await fragmentDoc();
    const owner = await signedInOwner();
    const { id } = await createWaitlist({ ownerId: owner.id });
    for (const url of ["https://127.0.0.1/x", "https://[::ffff:169.254.169.254]/x", "https://localhost/x", "https://10.0.0.1/x"]) {
      const r = await callOwner(POST, { id }, { cookie: owner.cookie, body: { url, events: ["signup.created"] } });
      expect(r.json, url).toMatchObject({ ok: false, error: { code: "invalid_webhook_url", field: "url" } });
      expectDocumented(doc, "/api/waitlists/{id}/webhooks", "post", r);
    }
    const badEvent = await callOwner(POST, { id }, { cookie: owner.cookie, body: { url: "https://93.184.215.14/x", events: ["signup.exploded"] } });
    expect(badEvent.json).toMatchObject({ error: { code: "invalid_input" } });
    const badCursor = await callOwner(listDeliveriesGET, { id }, { cookie: owner.cookie, query: "?cursor=bm9wZQ" });
    expect(badCursor.json).toMatchObject({ error: { code: "invalid_input", field: "cursor" } });
    for (let i = 0; i < 10; i++) {
      expect((await callOwner(POST, { id }, { cookie: owner.cookie, body: { url: `https://93.184.215.14/${i}`, events: ["signup.created"] } })).status).toBe(201);
    }
    const eleventh = await callOwner(POST, { id }, { cookie: owner.cookie, body: { url: "https://93.184.215.14/11", events: ["signup.created"] } });
    expect(eleventh.status).toBe(409);
    expectDocumented(doc, "/api/waitlists/{id}/webhooks", "post", eleventh);
  });

  it("shows viewers (and read-only keys) endpoint URLs as scheme and host only; admins see them whole", async () => {
    const doc = await fragmentDoc();
    const owner = await signedInOwner();
    const { id, teamId } = await createWaitlist({ ownerId: owner.id });
    const url = "https://93.184.215.14/hooks/catch/T123/secret-path?token=abc";
    const created = await callOwner(POST, { id }, { cookie: owner.cookie, body: { url, events: ["signup.created"] } });
    const endpointId = (created.json.endpoint as { id: string }).id;
    expect((await callOwner(testPOST, { id, endpointId }, { cookie: owner.cookie, method: "POST" })).status).toBe(202);
    const viewer = await signedInOwner();
    const admin = await signedInOwner();
    await db().teamMember.createMany({ data: [{ teamId, userId: viewer.id, role: "viewer" }, { teamId, userId: admin.id, role: "admin" }] });
    const readKey = (await createKey(teamId, owner.id, { name: "reader", scope: "read" })).secret;

    for (const [who, as] of [["viewer", { cookie: viewer.cookie }], ["read key", { bearer: readKey, origin: null }]] as const) {
      const listed = await callOwner(GET, { id }, as);
      expectDocumented(doc, "/api/waitlists/{id}/webhooks", "get", listed);
      const one = await callOwner(oneGET, { id, endpointId }, as);
      const log = await callOwner(listDeliveriesGET, { id }, as);
      const ofEndpoint = await callOwner(endpointDeliveriesGET, { id, endpointId }, as);
      const seen = JSON.stringify([listed.json, one.json, log.json, ofEndpoint.json]);
      expect(seen, who).not.toMatch(/secret-path|token=abc|T123/);
      expect((listed.json.endpoints as { url: string }[])[0]?.url, who).toBe("https://93.184.215.14/***");
      expect((log.json.deliveries as { endpoint_url: string }[])[0]?.endpoint_url, who).toBe("https://93.184.215.14/***");
    }
    const asAdmin = await callOwner(GET, { id }, { cookie: admin.cookie });
    expect((asAdmin.json.endpoints as { url: string }[])[0]?.url).toBe(url);
  });
});
