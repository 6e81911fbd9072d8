import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { expect, test } from "./fixtures";
import { WebhooksPage } from "./pages/webhooks-page";
import { apiSignUp } from "./support/hosted-api";
import { createWaitlist, signedInOwner } from "./support/owner-session";

// Outgoing webhooks against `next start` and its in-process dispatcher: the owner adds an endpoint (a receiver
// this test runs on loopback), a signup is POSTed to it signed, the delivery shows in the log, and Resend sends
// it again with the same webhook-id.

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(() => receiver.close());

test("an endpoint gets a signed signup event, the log shows it, and the owner replays it", async ({ browser, request, run, browserErrors }) => {
  test.setTimeout(90_000);
  const suffix = randomBytes(3).toString("hex");
  const owner = await signedInOwner(browser, run, `hooks-${suffix}@example.com`);
  const w = await createWaitlist(owner, run, { slug: `hooks-${suffix}`, title: "Hook club" });
  const hooks = new WebhooksPage(owner.page);

  await hooks.open(w.id);
  await expect(owner.page.getByText("No endpoints yet")).toBeVisible();
  await expect(owner.page.getByText("No deliveries yet")).toBeVisible();
  const secret = await hooks.addEndpoint(receiver.url, ["signup.created"]);
  expect(secret).toMatch(/^whsec_/);
  await expect(owner.page.getByTestId("webhook-endpoint")).toContainText(receiver.url);
  await expect(owner.page.getByText(secret)).toHaveCount(0);

  const email = `fan-${suffix}@example.com`;
  const signup = await apiSignUp(request, w.slug, { email });
  const [first] = await receiver.waitFor(1, 20_000);
  const event = new Webhook(secret).verify(first!.body, first!.headers) as { type: string; data: { signup: { email: string; ref_code: string } } };
  expect(event).toMatchObject({ type: "signup.created", data: { signup: { email, ref_code: signup.ref_code } } });

  const row = hooks.deliveries().first();
  // The receiver has it a moment before the attempt is recorded: reload until the log says so.
  await expect
    .poll(async () => {
      await owner.page.reload();
      return (await row.count()) ? row.innerText() : "";
    }, { timeout: 15_000 })
    .toMatch(/succeeded[\s\S]*signup\.created/);
  await row.getByText("signup.created").click();
  await expect(row).toContainText("HTTP 204");

  await row.getByRole("button", { name: /^Resend/ }).click();
  await expect(row.getByRole("status")).toHaveText("Queued again");
  const [, again] = await receiver.waitFor(2, 20_000);
  expect(again!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
  expect(() => new Webhook(secret).verify(again!.body, again!.headers)).not.toThrow();
  expect(browserErrors).toEqual([]);
  await owner.context.close();
});
