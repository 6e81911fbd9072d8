import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { SettingsPage, SignupsPage } from "./pages/dashboard-pages";
import { InvitationsPage } from "./pages/invitations-page";
import { AuditLogPage, InvitationPage, TeamPage } from "./pages/team-pages";
import { apiSignUp } from "./support/hosted-api";
import { createWaitlist, ownerApi, signedInOwner } from "./support/owner-session";
import { uniqueEmail } from "./support/test-db";

// Issue 17's acceptance run, against the production server: an owner invites an admin and a viewer by email;
// each accepts through the magic-link sign-in with the invited address; the admin lets someone in; the viewer
// sees the list but cannot change or export it (the UI offers nothing, the API refuses); the owner's audit log
// shows each action with its author.

test("an owner invites an admin and a viewer; the admin lets someone in; the viewer only looks; the audit log names each author", async ({
  browser,
  request,
  run,
}) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString("hex");
  const owner = await signedInOwner(browser, run, `founder-${tag}@example.com`);
  const adminEmail = `marketer-${tag}@example.com`;
  const viewerEmail = `investor-${tag}@example.com`;
  const list = await createWaitlist(owner, run, { slug: `team-${tag}`, title: `Team launch ${tag}` });
  const people = [uniqueEmail("ada"), uniqueEmail("grace")];
  for (const email of people) await apiSignUp(request, list.slug, { email });

  // The owner invites both from the Team page.
  const team = new TeamPage(owner.page);
  await team.goto();
  const since = new Date(Date.now() - 1000);
  await team.invite(adminEmail, "Admin");
  await team.invite(viewerEmail, "Viewer");
  await expect(team.invitations).toHaveCount(2);

  // Each accepts in a browser of their own, signing in with the invited address.
  const join = async (email: string) => {
    const context = await browser.newContext({ baseURL: run.baseURL });
    const page = await context.newPage();
    await new InvitationPage(page).acceptSignedOut(await InvitationPage.linkFor(email, run.resendUrl, since), email, run.resendUrl);
    await expect(page.getByTestId("current-team-name")).toHaveText(await team.page.getByTestId("team-name").innerText());
    await expect(page.getByRole("list", { name: "Waitlists" })).toContainText(list.title);
    return { email, context, page };
  };
  const admin = await join(adminEmail);
  const viewer = await join(viewerEmail);
  await expect(viewer.page.getByRole("link", { name: "New waitlist" })).toHaveCount(0);
  await expect(admin.page.getByRole("link", { name: "New waitlist" }).first()).toBeVisible();

  await team.goto();
  await expect(team.member(adminEmail)).toContainText("Admin");
  await expect(team.member(viewerEmail)).toContainText("Viewer");
  await expect(team.invitations).toHaveCount(0);

  // The admin lets the first person in.
  const invitations = new InvitationsPage(admin.page);
  await invitations.goto(list.id);
  await invitations.inviteTop(1);
  await expect(invitations.inviteResult).toContainText("Invited 1 person");

  // The viewer sees the people, but no export and no row actions; the settings are read-only.
  const signups = new SignupsPage(viewer.page);
  await signups.goto(list.id);
  await expect(signups.row(people[1]!)).toBeVisible();
  await expect(viewer.page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: `Remove ${people[1]!}` })).toHaveCount(0);
  const settings = new SettingsPage(viewer.page);
  await viewer.page.goto(`/dashboard/w/${list.id}/settings`);
  await expect(settings.title).toHaveValue(list.title);
  await expect(settings.title).toBeDisabled();
  await expect(viewer.page.getByRole("button", { name: "Save changes", disabled: false })).toHaveCount(0);
  await expect(viewer.page.getByTestId("view-only-note").first()).toBeVisible();
  // …and the API refuses what the page does not offer, changing nothing.
  const api = ownerApi(viewer, run);
  const patched = await api.patch(`/api/waitlists/${list.id}`, { title: "Viewer was here" });
  expect(patched.status()).toBe(403);
  expect(((await patched.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  expect((await api.get(`/api/waitlists/${list.id}/export.csv`)).status()).toBe(403);
  expect((await api.post(`/api/waitlists/${list.id}/invitations`, { top: 1 })).status()).toBe(403);
  const after = (await (await ownerApi(owner, run).get(`/api/waitlists/${list.id}`)).json()) as { waitlist: { title: string } };
  expect(after.waitlist.title).toBe(list.title);

  // The owner's audit log: who invited whom, who joined, who let someone in; the viewer's refusals left no entry.
  const audit = new AuditLogPage(owner.page);
  await audit.goto();
  await expect(audit.entry("Invited someone to the team", owner.email)).toHaveCount(2);
  await expect(audit.entry("Joined the team (accepted an invitation)", adminEmail)).toHaveCount(1);
  await expect(audit.entry("Joined the team (accepted an invitation)", viewerEmail)).toHaveCount(1);
  await expect(audit.entry("Let people in", adminEmail)).toHaveCount(1);
  const byViewer = audit.entries.filter({ has: owner.page.getByTestId("audit-actor").getByText(viewerEmail) });
  await expect(byViewer).toHaveCount(1);

  // A viewer cannot read the audit log.
  await viewer.page.goto("/dashboard/team/audit");
  await expect(viewer.page.getByTestId("audit-table")).toHaveCount(0);
  await expect(viewer.page.getByText(/admins and owners/i).first()).toBeVisible();

  for (const c of [owner.context, admin.context, viewer.context]) await c.close();
});
