import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jobs } from "@/lib/jobs/boss";
import { enqueue } from "@/lib/jobs/enqueue";
import { dateTimeExists, localDateTime, nextRun, type Recurrence } from "@/lib/invitations/schedule";
import { SCHEDULED_WAVES_MAX, type CreateWaveInput } from "@/lib/invitations/schemas";
import { admitInLine, withLockedLine } from "@/lib/signups/line";

// Scheduled waves: the top N waiting people, once at a date-time or daily / weekly at a local time of day in
// the waitlist's zone. Each run is a job of the queue ("invite-wave", startAfter = the run's time, keyed by
// wave and run time, so two app instances never queue one run twice). A run invites, records itself, computes
// the next occurrence and queues it, all in one transaction under the line's lock: a crash leaves either the
// whole run or none of it, and the job is retried. A cancelled wave's pending job finds it cancelled and does
// nothing.

export type WaveKind = "once" | "daily" | "weekly";
export type WaveStatus = "scheduled" | "done" | "cancelled";

export type Wave = {
  id: string;
  size: number;
  kind: WaveKind;
  weekday: number | null;
  time: string | null;
  next_run_at: string | null;
  status: WaveStatus;
  last_run_at: string | null;
  last_invited_count: number | null;
  created_at: string;
  /**
   * Scheduled, but its run is more than STALLED_AFTER_MS overdue: the run's job died (it is among the failed
   * jobs to retry) or no worker is running. A recurring wave stays stuck until that run is retried.
   */
  stalled: boolean;
};

/** How late a run may be before its wave counts as stalled (a worker polls every few seconds). */
export const STALLED_AFTER_MS = 10 * 60_000;

type WaveRow = {
  id: string;
  waitlist_id: string;
  size: number;
  kind: WaveKind;
  weekday: number | null;
  time_of_day: string | null;
  next_run_at: Date | null;
  status: WaveStatus;
  last_run_at: Date | null;
  last_invited_count: number | null;
  created_at: Date;
};

const COLUMNS = `id, waitlist_id, size, kind, weekday, time_of_day, next_run_at, status, last_run_at, last_invited_count, created_at`;

function toWave(r: WaveRow, now: Date): Wave {
  return {
    id: r.id,
    size: r.size,
    kind: r.kind,
    weekday: r.weekday,
    time: r.time_of_day,
    next_run_at: r.next_run_at?.toISOString() ?? null,
    status: r.status,
    last_run_at: r.last_run_at?.toISOString() ?? null,
    last_invited_count: r.last_invited_count,
    created_at: r.created_at.toISOString(),
    stalled: r.status === "scheduled" && r.next_run_at !== null && r.next_run_at.getTime() < now.getTime() - STALLED_AFTER_MS,
  };
}

function recurrenceOf(w: Pick<WaveRow, "kind" | "weekday" | "time_of_day">): Recurrence | null {
  if (w.kind === "daily" && w.time_of_day) return { kind: "daily", timeOfDay: w.time_of_day };
  if (w.kind === "weekly" && w.time_of_day && w.weekday !== null) return { kind: "weekly", weekday: w.weekday, timeOfDay: w.time_of_day };
  return null;
}

/** An ISO time with an offset, or a local "YYYY-MM-DDTHH:MM" in the list's zone. */
function parseRunAt(raw: string, timeZone: string): Date | null {
  const local = localDateTime(raw, timeZone);
  if (local) return local;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw)) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t);
}

const YEAR_MS = 366 * 86_400_000;

/** Schedules a wave on an owned waitlist (the caller checked the owner) and queues its first run. */
export async function createWave(waitlistId: string, input: CreateWaveInput, now = new Date()): Promise<Wave> {
  await jobs(); // the producer starts before the line's lock is taken (its first start sets pg-boss up)
  const created = await withLockedLine(waitlistId, async ({ client }) => {
    const { rows } = await client.query<{ time_zone: string; scheduled: number }>(
      `SELECT time_zone, (SELECT COUNT(*)::int FROM invite_waves WHERE waitlist_id = $1 AND status = 'scheduled') AS scheduled
         FROM waitlists WHERE id = $1`,
      [waitlistId],
    );
    const { time_zone: timeZone, scheduled } = rows[0]!;
    if (scheduled >= SCHEDULED_WAVES_MAX) {
      throw new AppError("conflict", `A list has at most ${SCHEDULED_WAVES_MAX} scheduled waves; cancel one first.`);
    }
    let first: Date;
    if (input.kind === "once") {
      if (!dateTimeExists(input.run_at)) throw new AppError("invalid_input", "run_at: That date does not exist.", "run_at");
      const at = parseRunAt(input.run_at, timeZone);
      if (!at) throw new AppError("invalid_input", "run_at: use a date and time like 2026-12-07T10:00 or an ISO 8601 time.", "run_at");
      if (at.getTime() <= now.getTime()) throw new AppError("invalid_input", "run_at: pick a time in the future.", "run_at");
      if (at.getTime() > now.getTime() + YEAR_MS) throw new AppError("invalid_input", "run_at: at most a year ahead.", "run_at");
      first = at;
    } else {
      const rule: Recurrence = input.kind === "daily" ? { kind: "daily", timeOfDay: input.time } : { kind: "weekly", weekday: input.weekday, timeOfDay: input.time };
      first = nextRun(rule, timeZone, now);
    }
    const { rows: inserted } = await client.query<WaveRow>(
      `INSERT INTO invite_waves (waitlist_id, size, kind, weekday, time_of_day, next_run_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [waitlistId, input.size, input.kind, input.kind === "weekly" ? input.weekday : null, input.kind === "once" ? null : input.time, first],
    );
    const wave = inserted[0]!;
    await queueRun(client, wave.id, first);
    return toWave(wave, now);
  });
  if (!created) throw new AppError("not_found", "No waitlist with this id in your account.");
  return created;
}

async function queueRun(client: PoolClient, waveId: string, at: Date): Promise<void> {
  await enqueue("invite-wave", { waveId, runAt: at.toISOString() }, { client, startAfter: at });
}

/** The list's waves: scheduled first (soonest first), then the finished and cancelled, newest first. */
export async function listWaves(waitlistId: string, now = new Date()): Promise<Wave[]> {
  const { rows } = await pool().query<WaveRow>(
    `SELECT ${COLUMNS} FROM invite_waves WHERE waitlist_id = $1
      ORDER BY (status = 'scheduled') DESC, CASE WHEN status = 'scheduled' THEN next_run_at END, created_at DESC
      LIMIT 100`,
    [waitlistId],
  );
  return rows.map((r) => toWave(r, now));
}

/** Cancels a scheduled wave of this list; its queued run will find it cancelled. False: no such wave here. */
export async function cancelWave(waitlistId: string, waveId: string): Promise<Wave | null> {
  const { rows } = await pool().query<WaveRow>(
    `UPDATE invite_waves SET status = CASE WHEN status = 'scheduled' THEN 'cancelled' ELSE status END,
            next_run_at = CASE WHEN status = 'scheduled' THEN NULL ELSE next_run_at END
      WHERE id = $1::uuid AND waitlist_id = $2 RETURNING ${COLUMNS}`,
    [waveId, waitlistId],
  );
  return rows[0] ? toWave(rows[0], new Date()) : null;
}

export type WaveRunOutcome = { ran: false; reason: "gone" | "not_scheduled" | "stale" } | { ran: true; invited: number; next: string | null };

/**
 * The job of one run. Does nothing for a wave that is gone, cancelled, done, or already past this run (a
 * second delivery of the same job); otherwise invites the top `size`, and schedules the next run.
 */
export async function runWave(waveId: string, runAt: string, now = new Date()): Promise<WaveRunOutcome> {
  const { rows } = await pool().query<{ waitlist_id: string }>(`SELECT waitlist_id FROM invite_waves WHERE id = $1::uuid`, [waveId]);
  const waitlistId = rows[0]?.waitlist_id;
  if (!waitlistId) return { ran: false, reason: "gone" };
  await jobs();
  const outcome = await withLockedLine(waitlistId, async (line): Promise<WaveRunOutcome> => {
    const { rows: waves } = await line.client.query<WaveRow & { time_zone: string }>(
      `SELECT ${COLUMNS.split(", ").map((c) => `v.${c}`).join(", ")}, w.time_zone
         FROM invite_waves v JOIN waitlists w ON w.id = v.waitlist_id WHERE v.id = $1::uuid FOR UPDATE OF v`,
      [waveId],
    );
    const wave = waves[0];
    if (!wave) return { ran: false, reason: "gone" };
    if (wave.status !== "scheduled") return { ran: false, reason: "not_scheduled" };
    if (wave.next_run_at?.toISOString() !== runAt) return { ran: false, reason: "stale" };
    const invited = await admitInLine(line, { top: wave.size });
    const rule = recurrenceOf(wave);
    // From the later of now and this run's time, so a run delayed past its successor's time skips to the one after.
    const next = rule ? nextRun(rule, wave.time_zone, new Date(Math.max(now.getTime(), wave.next_run_at.getTime()))) : null;
    await line.client.query(
      `UPDATE invite_waves SET last_run_at = $2, last_invited_count = $3, next_run_at = $4,
              status = CASE WHEN $4::timestamp IS NULL THEN 'done' ELSE status END
        WHERE id = $1::uuid`,
      [waveId, now, invited.length, next],
    );
    if (next) await queueRun(line.client, waveId, next);
    return { ran: true, invited: invited.length, next: next?.toISOString() ?? null };
  });
  return outcome ?? { ran: false, reason: "gone" };
}
