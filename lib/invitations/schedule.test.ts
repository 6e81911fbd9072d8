import { describe, expect, it } from "vitest";
import { dateTimeExists, formatInZone, isTimeZone, localDateTime, nextRun, zonedTime } from "@/lib/invitations/schedule";

// The next run of a recurring wave, with the clock injected: local time of day stays put across DST changes.

const at = (iso: string) => new Date(iso);

describe("zonedTime", () => {
  it("maps wall-clock times to instants on both sides of a change", () => {
    expect(zonedTime(2026, 3, 28, 10, 0, "Europe/Berlin").toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(zonedTime(2026, 3, 30, 10, 0, "Europe/Berlin").toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(zonedTime(2026, 7, 1, 9, 15, "America/New_York").toISOString()).toBe("2026-07-01T13:15:00.000Z");
    expect(zonedTime(2026, 1, 1, 0, 0, "UTC").toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("runs a skipped time after the jump and a repeated time at its first occurrence", () => {
    // Berlin skips 02:00-03:00 on 2026-03-29 and repeats 02:00-03:00 on 2026-10-25.
    expect(zonedTime(2026, 3, 29, 2, 30, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedTime(2026, 10, 25, 2, 30, "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // New York skips 02:00-03:00 on 2026-03-08 and repeats 01:00-02:00 on 2026-11-01.
    expect(zonedTime(2026, 3, 8, 2, 30, "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(zonedTime(2026, 11, 1, 1, 30, "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
});

describe("nextRun", () => {
  const mondays = { kind: "weekly", weekday: 1, timeOfDay: "10:00" } as const;

  it("every Monday at 10:00 in Berlin stays at 10:00 local across the spring and autumn changes", () => {
    // Monday 2026-03-23 10:00 CET is 09:00Z; the next Monday (after the change on the 29th) is 08:00Z.
    expect(nextRun(mondays, "Europe/Berlin", at("2026-03-21T12:00:00Z")).toISOString()).toBe("2026-03-23T09:00:00.000Z");
    expect(nextRun(mondays, "Europe/Berlin", at("2026-03-23T09:00:00Z")).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(nextRun(mondays, "Europe/Berlin", at("2026-10-19T08:00:00Z")).toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });

  it("is strictly after `after`: a run at exactly the time schedules the next one", () => {
    expect(nextRun(mondays, "UTC", at("2026-12-07T10:00:00Z")).toISOString()).toBe("2026-12-14T10:00:00.000Z");
    expect(nextRun(mondays, "UTC", at("2026-12-07T09:59:59Z")).toISOString()).toBe("2026-12-07T10:00:00.000Z");
  });

  it("daily runs cross a DST change, a month end and a year end", () => {
    const daily = { kind: "daily", timeOfDay: "09:30" } as const;
    expect(nextRun(daily, "America/New_York", at("2026-03-07T15:00:00Z")).toISOString()).toBe("2026-03-08T13:30:00.000Z");
    expect(nextRun(daily, "America/New_York", at("2026-03-06T15:00:00Z")).toISOString()).toBe("2026-03-07T14:30:00.000Z");
    expect(nextRun(daily, "Asia/Tokyo", at("2026-12-31T01:00:00Z")).toISOString()).toBe("2027-01-01T00:30:00.000Z");
  });

  it("a daily run in the skipped hour runs once that day, after the jump", () => {
    const daily = { kind: "daily", timeOfDay: "02:30" } as const;
    expect(nextRun(daily, "Europe/Berlin", at("2026-03-28T02:00:00Z")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(nextRun(daily, "Europe/Berlin", at("2026-03-29T01:30:00Z")).toISOString()).toBe("2026-03-30T00:30:00.000Z");
  });
});

describe("helpers", () => {
  it("knows zones, reads datetime-local values in a zone, formats in a zone", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(localDateTime("2026-12-07T10:00", "Europe/Berlin")?.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect(localDateTime("2026-12-07 10:00", "UTC")).toBeNull();
    expect(localDateTime("2026-13-07T10:00", "UTC")).toBeNull();
  });

  it("refuses dates and times that do not exist instead of rolling them over", () => {
    expect(localDateTime("2026-02-31T10:00", "UTC")).toBeNull();
    expect(localDateTime("2026-02-29T10:00", "Europe/Berlin")).toBeNull();
    expect(localDateTime("2026-04-31T10:00", "UTC")).toBeNull();
    expect(localDateTime("2026-12-07T24:00", "UTC")).toBeNull();
    expect(localDateTime("2028-02-29T10:00", "UTC")?.toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(dateTimeExists("2027-02-30T10:00:00Z")).toBe(false);
    expect(dateTimeExists("2027-02-28T10:00:00+01:00")).toBe(true);
    expect(dateTimeExists("tomorrow")).toBe(true); // not this check's business: the shape is checked elsewhere
    expect(formatInZone(at("2026-12-07T09:00:00Z"), "Europe/Berlin")).toMatch(/Mon, Dec 7, 2026.*10:00 \(Europe\/Berlin\)/);
  });
});
