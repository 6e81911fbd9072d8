import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listJobs } from "@/app/api/waitlists/[id]/jobs/route";
import { POST as retryJob } from "@/app/api/waitlists/[id]/jobs/[jobId]/retry/route";
import { POST as importCsv } from "@/app/api/waitlists/[id]/import/route";
import { pool } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createWave, listWaves } from "@/lib/invitations/waves";
import { createWaitlist } from "@/tests/support/fixtures";
import { startMailWorld, type MailWorld } from "@/tests/support/mail-world";
import { callOwner, signedInOwner } from "@/tests/support/owner-api";

// Dead jobs as the owner sees them: a welcome email that failed past its retry limit (the fake Resend down the
// whole time) is listed for its waitlist's owner only, and Retry sends it once Resend is back.

let world: MailWorld;
beforeAll(async () => {
  world = await startMailWorld();
  process.env.JOB_RETRY_LIMIT = "1";
  resetEnvCache();
});
afterEach(async () => {
  world.resend.failWith(null);
  await world.stopWorkers();
});
afterAll(async () => {
  await world.close();
});

type Listed = { ok: true; jobs: { id: string; kind: string; recipient: string; attempts: number; error: string; failed_at: string }[]; summary: Record<string, number> };

const list = async (id: string, cookie: string) => callOwner(listJobs, { id }, { cookie, query: `/${id}/jobs?state=failed` });
const retry = async (id: string, jobId: string, cookie: string) => callOwner(retryJob, { id, jobId }, { method: "POST", cookie });

describe("failed email jobs", () => {
  it("are listed for their waitlist's owner only, and Retry sends the email once Resend is back", async () => {
    const a = await signedInOwner();
    const b = await signedInOwner();
    const waitlist = await createWaitlist({ ownerId: a.id, title: "Dead letters" });
    const other = await createWaitlist({ ownerId: b.id });
    world.resend.failWith(500);
    const s = await world.signup({ waitlistId: waitlist.id });
    await world.worker();
    await vi.waitFor(async () => expect(await world.jobOf(s.id)).toMatchObject([{ state: "failed" }]), { timeout: 20_000, interval: 200 });

    const listed = await list(waitlist.id, a.cookie);
    expect(listed.status).toBe(200);
    const body = listed.json as Listed;
    expect(body.jobs).toEqual([
      {
        id: expect.any(String),
        kind: "signup-welcome",
        recipient: s.email,
        attempts: 2,
        error: "The email provider refused the email (internal_server_error).",
        failed_at: expect.any(String),
      },
    ]);
    expect(body.summary).toMatchObject({ failed: 1, waiting: 0 });
    const jobId = body.jobs[0]!.id;

    // Another owner: A's list is a 404, their own list is empty, and A's job cannot be retried through it.
    expect((await list(waitlist.id, b.cookie)).status).toBe(404);
    expect(((await list(other.id, b.cookie)).json as Listed).jobs).toEqual([]);
    expect(await retry(other.id, jobId, b.cookie)).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    expect(await retry(waitlist.id, jobId, b.cookie)).toMatchObject({ status: 404 });
    expect(await retry(waitlist.id, "not-a-job", a.cookie)).toMatchObject({ status: 404 });
    expect(world.messagesTo(s.email)).toHaveLength(0);

    // pg-boss archives failed jobs after 12 hours: still listed, still retryable.
    await pool().query(
      `WITH moved AS (DELETE FROM ${world.schema}.job WHERE id = $1 RETURNING *)
       INSERT INTO ${world.schema}.archive SELECT * FROM moved`,
      [jobId],
    );
    expect(((await list(waitlist.id, a.cookie)).json as Listed).jobs.map((j) => j.id)).toEqual([jobId]);

    world.resend.failWith(null);
    expect(await retry(waitlist.id, jobId, a.cookie)).toMatchObject({ status: 200, json: { ok: true } });
    await vi.waitFor(() => expect(world.messagesTo(s.email)).toHaveLength(1), { timeout: 20_000 });
    await vi.waitFor(async () => expect(await world.jobOf(s.id)).toMatchObject([{ state: "completed" }]), { timeout: 10_000 });
    expect(((await list(waitlist.id, a.cookie)).json as Listed).jobs).toEqual([]);
    expect(((await list(waitlist.id, a.cookie)).json as Listed).summary).toMatchObject({ failed: 0, sent_24h: 1 });
    // Nothing failed any more: a second Retry is refused and sends nothing.
    expect(await retry(waitlist.id, jobId, a.cookie)).toMatchObject({ status: 409, json: { error: { code: "conflict" } } });
    expect(world.messagesTo(s.email)).toHaveLength(1);
  });

  it("a scheduled wave's dead run is listed and retried for its owner only; the wave shows as stalled until then", async () => {
    const a = await signedInOwner();
    const b = await signedInOwner();
    const waitlist = await createWaitlist({ ownerId: a.id });
    const other = await createWaitlist({ ownerId: b.id });
    const people = [await world.signup({ waitlistId: waitlist.id }), await world.signup({ waitlistId: waitlist.id })];
    const wave = await createWave(waitlist.id, { kind: "once", size: 1, run_at: new Date(Date.now() + 3_600_000).toISOString() });
    // The run's job used up its retries (as pg-boss leaves it): the wave is still scheduled, its time passes.
    const { rows } = await pool().query<{ id: string }>(
      `UPDATE ${world.schema}.job SET state = 'failed', retry_count = 1, started_on = now(), completed_on = now(),
              output = '{"message":"connection terminated"}'
        WHERE name = 'invite-wave' AND data->>'waveId' = $1 RETURNING id`,
      [wave.id],
    );
    const jobId = rows[0]!.id;
    const late = new Date(Date.parse(wave.next_run_at!) + 11 * 60_000);
    expect((await listWaves(waitlist.id, late))[0]).toMatchObject({ status: "scheduled", stalled: true });
    expect((await listWaves(waitlist.id, new Date(Date.parse(wave.next_run_at!) + 9 * 60_000)))[0]).toMatchObject({ stalled: false });

    const listed = (await list(waitlist.id, a.cookie)).json as Listed;
    expect(listed.jobs).toEqual([
      { id: jobId, kind: "invite-wave", recipient: "Top 1, once", attempts: 2, error: "connection terminated", failed_at: expect.any(String) },
    ]);
    expect(listed.summary).toMatchObject({ failed: 1 });
    // Another owner: not in their list, not retryable through their list or A's.
    expect(((await list(other.id, b.cookie)).json as Listed).jobs).toEqual([]);
    expect(await retry(other.id, jobId, b.cookie)).toMatchObject({ status: 404 });
    expect(await retry(waitlist.id, jobId, b.cookie)).toMatchObject({ status: 404 });
    // Nor through another list of A's own.
    const second = await createWaitlist({ ownerId: a.id });
    expect(await retry(second.id, jobId, a.cookie)).toMatchObject({ status: 404 });

    expect(await retry(waitlist.id, jobId, a.cookie)).toMatchObject({ status: 200, json: { ok: true } });
    await world.worker();
    await vi.waitFor(async () => expect((await listWaves(waitlist.id, late))[0]).toMatchObject({ status: "done", last_invited_count: 1, stalled: false }), {
      timeout: 20_000,
      interval: 250,
    });
    const { rows: statuses } = await pool().query<{ id: string; status: string }>(`SELECT id, status FROM signups WHERE waitlist_id = $1 ORDER BY seq`, [waitlist.id]);
    expect(statuses).toEqual([{ id: people[0]!.id, status: "INVITED" }, { id: people[1]!.id, status: "WAITING" }]);
    expect(((await list(waitlist.id, a.cookie)).json as Listed).jobs).toEqual([]);
  });

  it("a bad state filter is refused with the one error shape", async () => {
    const a = await signedInOwner();
    const waitlist = await createWaitlist({ ownerId: a.id });
    const r = await callOwner(listJobs, { id: waitlist.id }, { cookie: a.cookie, query: `/${waitlist.id}/jobs?state=completed` });
    expect(r).toMatchObject({ status: 400, json: { ok: false, error: { code: "invalid_input" } } });
  });
});

describe("CSV import with welcome emails", () => {
  const upload = async (id: string, cookie: string, csv: string, query: string) => {
    const req = new Request(`http://localhost:3000/api/waitlists/${id}/import${query}`, {
      method: "POST",
      headers: { cookie, "content-type": "text/csv", origin: "http://localhost:3000" },
      body: csv,
    });
    const res = await importCsv(req, { params: Promise.resolve({ id }) });
    return (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>).at(-1);
  };
  const welcomeJobs = async (waitlistId: string) => {
    const { rows } = await pool().query<{ email: string; n: number }>(
      `SELECT s.email, COUNT(j.id)::int AS n FROM signups s
         LEFT JOIN ${world.schema}.job j ON j.name = 'signup-welcome' AND j.data->>'signupId' = s.id::text
        WHERE s.waitlist_id = $1 GROUP BY s.email ORDER BY s.email`,
      [waitlistId],
    );
    return rows;
  };

  it("queues exactly one welcome per imported person with the option, and none without it", async () => {
    const a = await signedInOwner();
    const withWelcome = await createWaitlist({ ownerId: a.id, plan: "PRO" });
    const without = await createWaitlist({ ownerId: a.id, plan: "PRO" });
    const csv = "email,name\nann@example.com,Ann\nbob@example.com,Bob\nANN@example.com,Twice\nnot-an-email,x\n";

    expect(await upload(withWelcome.id, a.cookie, csv, "?welcome=1")).toMatchObject({ type: "done", imported: 2 });
    expect(await welcomeJobs(withWelcome.id)).toEqual([
      { email: "ann@example.com", n: 1 },
      { email: "bob@example.com", n: 1 },
    ]);
    expect(await upload(without.id, a.cookie, csv, "")).toMatchObject({ type: "done", imported: 2 });
    expect(await welcomeJobs(without.id)).toEqual([
      { email: "ann@example.com", n: 0 },
      { email: "bob@example.com", n: 0 },
    ]);

    await world.worker();
    await vi.waitFor(() => expect(world.messagesTo("ann@example.com")).toHaveLength(1), { timeout: 15_000 });
    await vi.waitFor(() => expect(world.messagesTo("bob@example.com")).toHaveLength(1), { timeout: 15_000 });
    expect(world.messagesTo("ann@example.com")[0]!.subject).toMatch(/^You're #1 on the /);
  });

  it("refuses an unknown value of the option and imports nothing", async () => {
    const a = await signedInOwner();
    const w = await createWaitlist({ ownerId: a.id, plan: "PRO" });
    expect(await upload(w.id, a.cookie, "email\ncid@example.com\n", "?welcome=yes")).toMatchObject({
      ok: false,
      error: { code: "invalid_input" },
    });
    expect(await welcomeJobs(w.id)).toEqual([]);
  });
});
