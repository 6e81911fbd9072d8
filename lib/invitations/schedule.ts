// When a scheduled wave runs next: pure (an injected `after` instead of the clock), client-safe, with the
// time-zone rules from Intl, so a wave "every Monday at 10:00 in Europe/Berlin" stays at 10:00 local across
// daylight-saving changes. Local times that do not exist (the hour skipped in spring) run at the same clock
// time after the jump (02:30 becomes 03:30); times that exist twice (the hour repeated in autumn) run once,
// at the earlier of the two.

export type Recurrence =
  | { kind: "daily"; timeOfDay: string }
  | { kind: "weekly"; weekday: number; timeOfDay: string };

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows this IANA zone name. */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock time in `timeZone` at an instant. */
export function wallTime(instant: Date, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7,200,000). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (ms - (((ms % 1000) + 1000) % 1000));
}

const DAY_MS = 86_400_000;

/** The instant a wall-clock time in `timeZone` happens (see the rules for skipped and repeated times above). */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Zones change their offset at most once in any two days: the offsets a day before and after are the
  // only candidates.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  // None: a skipped time; wall - the offset before the jump lands the same clock time after it.
  return new Date(valid.length > 0 ? Math.min(...valid) : wall - before);
}

function parseTimeOfDay(timeOfDay: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(timeOfDay);
  if (!m) throw new Error(`not a time of day: ${timeOfDay}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The first run of `rule` in `timeZone` strictly after `after`. */
export function nextRun(rule: Recurrence, timeZone: string, after: Date): Date {
  const { hour, minute } = parseTimeOfDay(rule.timeOfDay);
  const today = wallTime(after, timeZone);
  for (let offset = 0; offset <= 8; offset++) {
    // Date.UTC normalises day overflow into the next month or year.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (rule.kind === "weekly" && date.getUTCDay() !== rule.weekday) continue;
    const at = zonedTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error("no next run within 8 days");
}

const DATE_TIME_PREFIX = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * Whether the "YYYY-MM-DDTHH:MM" a value starts with is a real calendar date and time of day. Date.UTC and
 * Date.parse roll an impossible one over (2026-02-31 becomes March 3), so it must survive the round trip.
 * True for values without that prefix: their shape is checked elsewhere.
 */
export function dateTimeExists(value: string): boolean {
  const m = DATE_TIME_PREFIX.exec(value);
  if (!m) return true;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return (
    d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day &&
    d.getUTCHours() === hour && d.getUTCMinutes() === minute
  );
}

/** "2026-12-07T10:00" (a datetime-local value) in `timeZone`, as an instant; null when malformed or impossible. */
export function localDateTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || !dateTimeExists(value)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedTime(year, month, day, hour, minute, timeZone);
}

/** An instant as the list's owner reads it: "Mon, Dec 7, 2026, 10:00 (Europe/Berlin)". */
export function formatInZone(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  return `${text} (${timeZone})`;
}
