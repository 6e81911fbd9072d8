import { describe, expect, it, vi } from "vitest";
import { db, pool } from "@/lib/db";
import { updateInvitationSettings } from "@/lib/invitations/settings";
import { cancelWave, createWave, listWaves, runWave } from "@/lib/invitations/waves";
import { createWaitlist } from "@/tests/support/fixtures";
import { expectLineMatchesDefinition } from "@/tests/support/line-invariants";
import { withMailWorld, type MailWorld } from "@/tests/support/mail-world";

// Scheduled waves with the real queue: each run is a job with startAfter = its time; the worker runs it,
// invites the top N and queues the next run in the same transaction; a cancelled wave's job does nothing.

let world: MailWorld;
withMailWorld((w) => (world = w));

async function listWith(count: number) {
  const waitlist = await createWaitlist({ title: "Wave Club" });
  const people = [];
  for (let i = 0; i < count; i++) people.push(await world.signup({ waitlistId: waitlist.id }));
  return { waitlist, people };
}

async function waveJobs(waveId: string) {
  const { rows } = await pool().query<{ state: string; singleton_key: string; start_after: Date; data: { runAt: string } }>(
    `SELECT state, singleton_key, start_after, data FROM ${world.schema}.job WHERE name = 'invite-wave' AND data->>'waveId' = $1
      ORDER BY start_after`,
    [waveId],
  );
  return rows;
}

describe("a scheduled wave", () => {
  it("a one-off wave a moment ahead is run by the worker: the top 2 are invited and mailed, the wave is done", async () => {
    const { waitlist, people } = await listWith(3);
    const wave = await createWave(waitlist.id, { kind: "once", size: 2, run_at: new Date(Date.now() + 1500).toISOString() });
    expect(wave).toMatchObject({ status: "scheduled", size: 2, kind: "once" });
    const [job] = await waveJobs(wave.id);
    expect(job).toMatchObject({ state: "created", singleton_key: `wave:${wave.id}:${wave.next_run_at}` });
    expect(job!.start_after.toISOString()).toBe(wave.next_run_at);

    await world.worker();
    await vi.waitFor(async () => expect((await listWaves(waitlist.id))[0]).toMatchObject({ status: "done", last_invited_count: 2, next_run_at: null }), {
      timeout: 20_000,
      interval: 250,
    });
    const statuses = await db().signup.findMany({ where: { waitlistId: waitlist.id }, orderBy: { seq: "asc" }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["INVITED", "INVITED", "WAITING"]);
    await expectLineMatchesDefinition(waitlist.id, 1);
    await vi.waitFor(() => expect(world.messagesTo(people[1]!.email).some((m) => m.subject.startsWith("You're in! Your invitation"))).toBe(true), {
      timeout: 15_000,
    });
  });

  it("a weekly run invites and queues its next occurrence in the list's zone, in the same transaction", async () => {
    const { waitlist } = await listWith(3);
    await updateInvitationSettings(waitlist.id, { time_zone: "Europe/Berlin" });
    // Created on Saturday 2026-03-21: the first run is Monday the 23rd, 10:00 CET.
    const wave = await createWave(waitlist.id, { kind: "weekly", size: 1, weekday: 1, time: "10:00" }, new Date("2026-03-21T12:00:00Z"));
    expect(wave.next_run_at).toBe("2026-03-23T09:00:00.000Z");

    // The job is the clock: run it as the worker would, at its time.
    expect(await runWave(wave.id, wave.next_run_at!, new Date("2026-03-23T09:00:01Z"))).toEqual({
      ran: true,
      invited: 1,
      next: "2026-03-30T08:00:00.000Z", // 10:00 CEST, after the change on the 29th
    });
    const jobs = await waveJobs(wave.id);
    expect(jobs.map((j) => j.data.runAt)).toEqual(["2026-03-23T09:00:00.000Z", "2026-03-30T08:00:00.000Z"]);
    expect(jobs[1]!.start_after.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    // The same run delivered again (a retry after a crash past the commit) does nothing.
    expect(await runWave(wave.id, wave.next_run_at!)).toEqual({ ran: false, reason: "stale" });
    expect((await listWaves(waitlist.id))[0]).toMatchObject({ status: "scheduled", last_invited_count: 1, next_run_at: "2026-03-30T08:00:00.000Z" });
    await expectLineMatchesDefinition(waitlist.id, 1);
  });

  it("cancelled: its queued run does nothing", async () => {
    const { waitlist } = await listWith(2);
    const wave = await createWave(waitlist.id, { kind: "daily", size: 5, time: "10:00" });
    expect(await cancelWave(waitlist.id, wave.id)).toMatchObject({ status: "cancelled", next_run_at: null });
    expect(await runWave(wave.id, wave.next_run_at!)).toEqual({ ran: false, reason: "not_scheduled" });
    const other = await createWaitlist();
    expect(await cancelWave(other.id, wave.id)).toBeNull();
    const { rows } = await pool().query(`SELECT status FROM signups WHERE waitlist_id = $1 AND status <> 'WAITING'`, [waitlist.id]);
    expect(rows).toEqual([]);
  });

  it("refuses a past one-off time, a bad time, and a 21st scheduled wave", async () => {
    const { waitlist } = await listWith(0);
    await expect(createWave(waitlist.id, { kind: "once", size: 1, run_at: "2020-01-01T00:00:00Z" })).rejects.toMatchObject({ code: "invalid_input", field: "run_at" });
    await expect(createWave(waitlist.id, { kind: "once", size: 1, run_at: "tomorrow" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(createWave(waitlist.id, { kind: "once", size: 1, run_at: "2027-02-31T10:00" })).rejects.toMatchObject({
      code: "invalid_input",
      message: "run_at: That date does not exist.",
    });
    for (let i = 0; i < 20; i++) await createWave(waitlist.id, { kind: "daily", size: 1, time: "09:00" });
    await expect(createWave(waitlist.id, { kind: "daily", size: 1, time: "09:00" })).rejects.toMatchObject({ code: "conflict" });
    expect(await listWaves(waitlist.id)).toHaveLength(20);
    await world.clearQueue();
  });
});
