import { randomBytes } from "node:crypto";
import { fetchCapturedEmails, findLink, type CapturedEmail } from "@/tests/support/fake-resend";
import { expect, test } from "./fixtures";
import { SignupsPage } from "./pages/dashboard-pages";
import { InvitationsPage, StatusPage } from "./pages/invitations-page";
import { SignInPage } from "./pages/sign-in-page";
import { apiSignUp, type ApiSignup } from "./support/hosted-api";
import { uniqueEmail } from "./support/test-db";

// Letting people in against the production server and its in-process worker: the owner invites the top 2
// from the dashboard and the line moves; a wave scheduled through the owner API a few seconds ahead (the test
// controls that clock) runs on its own, and the invited person's status page and inbox say so.

async function ownerWithList(page: import("@playwright/test").Page, run: { baseURL: string; resendUrl: string }, title: string) {
  await new SignInPage(page).goto("?callbackUrl=%2Fdashboard");
  await new SignInPage(page).signIn(`inviter-${randomBytes(3).toString("hex")}@example.com`, run.resendUrl);
  const slug = `inv-${randomBytes(4).toString("hex")}`;
  const created = await page.request.post("/api/waitlists", { headers: { origin: run.baseURL }, data: { slug, title } });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { waitlist: { id: string } }).waitlist.id;
  const api = (method: "post" | "patch", path: string, data: unknown) =>
    page.request[method](`/api/waitlists/${id}${path}`, { headers: { origin: run.baseURL }, data });
  return { id, slug, api };
}

test("the owner invites the top 2 from the dashboard: positions move, the invitation arrives, the status page says so", async ({
  page,
  request,
  run,
  browserErrors,
}) => {
  test.setTimeout(90_000);
  const { id, slug, api } = await ownerWithList(page, run, "Invite club");
  const settings = await api("patch", "/invitation-settings", {
    invite_url: "https://app.example.com/welcome",
    invite_message: "Welcome aboard!\nSee you inside.",
    require_invite_code: true,
  });
  expect(settings.status()).toBe(200);
  const people: (ApiSignup & { email: string })[] = [];
  for (const name of ["ada", "grace", "linus"]) {
    const email = uniqueEmail(name);
    people.push({ email, ...(await apiSignUp(request, slug, { email })) });
  }

  const invitations = new InvitationsPage(page);
  await invitations.goto(id);
  await invitations.inviteTop(2);
  await expect(invitations.inviteResult).toHaveText("Invited 2 people. Their invitations are on the way.");

  const signups = new SignupsPage(page);
  await signups.goto(id);
  await expect(signups.row(people[2]!.email).locator("td").first()).toHaveText("1");
  await expect(signups.row(people[0]!.email).getByText("Invited", { exact: true })).toBeVisible();

  const status = new StatusPage(page);
  await status.goto(slug, people[2]!.status_token!);
  await expect(status.position).toHaveText("#1");
  await status.goto(slug, people[0]!.status_token!);
  await expect(status.invited).toContainText("You're in!");
  const code = (await status.inviteCode.textContent())!;
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await expect(status.invited.getByRole("link", { name: "Get started" })).toHaveAttribute("href", "https://app.example.com/welcome");

  // The invitation email (next to the welcome): message, link and code; its status link opens the same page.
  let invitation: CapturedEmail | undefined;
  await expect
    .poll(async () => (invitation = (await fetchCapturedEmails(run.resendUrl, people[0]!.email)).find((m) => m.subject === "You're in! Your invitation to Invite club")), {
      timeout: 60_000,
    })
    .toBeDefined();
  expect(invitation!.text).toContain("Welcome aboard!\nSee you inside.");
  expect(invitation!.text).toContain(`Your invite code: ${code}`);
  expect(invitation!.html).toContain('href="https://app.example.com/welcome"');
  expect(invitation!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  await page.goto(findLink(invitation!, `/w/${slug}/status/`)!);
  await expect(status.invited).toContainText("You're in!");
  expect(browserErrors).toEqual([]);
});

test("a wave scheduled a few seconds ahead runs on its own; the invited person's status page says so", async ({ page, request, run }) => {
  test.setTimeout(90_000);
  const { id, slug, api } = await ownerWithList(page, run, "Wave club");
  const first = await apiSignUp(request, slug, { email: uniqueEmail("first") });
  const second = await apiSignUp(request, slug, { email: uniqueEmail("second") });

  const runAt = new Date(Date.now() + 4000).toISOString();
  const created = await api("post", "/waves", { kind: "once", size: 1, run_at: runAt });
  expect(created.status()).toBe(201);

  const invitations = new InvitationsPage(page);
  await invitations.goto(id);
  await expect(invitations.waves).toHaveCount(1);
  await expect(invitations.waves.first()).toContainText("scheduled");

  const status = new StatusPage(page);
  await expect
    .poll(
      async () => {
        await status.goto(slug, first.status_token!);
        return status.invited.isVisible();
      },
      { timeout: 45_000, intervals: [1000] },
    )
    .toBe(true);
  await expect(status.invited).toContainText("You're in!");
  await status.goto(slug, second.status_token!);
  await expect(status.position).toHaveText("#1");

  await invitations.goto(id);
  await expect(invitations.waves.first()).toContainText("done");
  await expect(invitations.waves.first()).toContainText("1 invited");
});
