import { describe, expect, it } from "vitest";
import { summarizeDetails } from "@/lib/audit/details";
import { endpointAudit } from "@/lib/audit/endpoint-audit";
import { relativeTime, utcTime } from "@/lib/audit/format";
import { auditQuerySchema, fromDashboardSearch } from "@/lib/audit/schemas";
import { shortUserAgent } from "@/lib/audit/user-agent";

// The small client-safe pieces of the audit log: details in words, times, user agents, the filters' schema.

describe("summarizeDetails", () => {
  it("words the shapes the routes record", () => {
    expect(summarizeDetails({ fields: ["status"], from: "waiting", to: "invited" }, "PATCH /api/waitlists/:id/signups/:signupId")).toEqual([
      "waiting → invited",
      "Changed: status",
    ]);
    expect(summarizeDetails({ fields: ["slug", "title"] }, "POST /api/waitlists")).toEqual(["Sent: slug, title"]);
    expect(summarizeDetails({ from: "invited", to: "invited" })).toEqual(["Already invited: nothing changed"]);
    expect(summarizeDetails({ wave_id: "w1", kind: "daily", size: 1, fields: ["kind", "size", "time"], next_run_at: "2026-12-02T10:00:00.000Z" })).toEqual([
      "Daily wave of 1 person",
      "Sent: kind, size, time",
      "Next run at: Dec 2, 2026, 10:00:00 UTC",
    ]);
    expect(summarizeDetails({ invited: 3, selection: "top", asked: 5 })).toEqual(["3 people let in (of 5 asked)", "From the top of the line"]);
    expect(summarizeDetails({ dry_run: true, rows: 10, valid_rows: 9, invalid_rows: 1, welcome: false })).toEqual([
      "Preview only: nothing was imported",
      "10 rows, 9 valid, 1 invalid",
      "Welcome: no",
    ]);
    expect(summarizeDetails({ imported: 1, skipped: 2 })).toEqual(["1 person imported, 2 skipped"]);
    expect(summarizeDetails({ decision: "reject", asked: 4, changed: 4 })).toEqual(["Rejected 4 credits"]);
    expect(summarizeDetails({ key_id: "k", name: "CI", scope: "write", prefix: "wf_live_ab" })).toEqual(["“CI”, read and write", "Prefix: wf_live_ab"]);
    expect(summarizeDetails({ filter: { status: "waiting", include_pending: true, joined_after: "2026-01-01T00:00:00.000Z" } })).toEqual([
      "Filter: status waiting, include pending yes, joined after Jan 1, 2026, 00:00:00 UTC",
    ]);
    expect(summarizeDetails({ filter: {} })).toEqual(["Everyone"]);
    expect(summarizeDetails({ host: "hooks.example.com", events: ["signup.created", "signup.invited"], enabled: true })).toEqual([
      "Host: hooks.example.com",
      "Events: signup.created, signup.invited",
      "Enabled: yes",
    ]);
  });

  it("shows any other detail as key: value, and nothing for no details", () => {
    expect(summarizeDetails({ plan: "PRO", status: "active" })).toEqual(["Plan: PRO", "Status: active"]);
    expect(summarizeDetails({})).toEqual([]);
    expect(summarizeDetails(null)).toEqual([]);
    expect(summarizeDetails(["x"])).toEqual([]);
  });
});

describe("endpointAudit", () => {
  it("keeps the host and a fingerprint: no path, query or userinfo, yet another path is another fingerprint", () => {
    const url = "https://user:pw@hooks.example.com:8443/in/tok_secret?sig=abc";
    const kept = endpointAudit({ url, events: ["signup.created"], enabled: true });
    expect(kept).toEqual({ host: "hooks.example.com:8443", url_fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/), events: ["signup.created"], enabled: true });
    expect(JSON.stringify(kept)).not.toMatch(/tok_secret|sig=|pw/);
    expect(endpointAudit({ url: url.replace("tok_secret", "tok_other") }).url_fingerprint).not.toBe(kept.url_fingerprint);
  });
});

describe("times", () => {
  it("writes the instant in UTC and how long ago", () => {
    expect(utcTime("2026-12-03T09:05:07.000Z")).toBe("Dec 3, 2026, 09:05:07 UTC");
    const now = Date.parse("2026-12-03T12:00:00.000Z");
    expect(relativeTime("2026-12-03T11:59:50.000Z", now)).toBe("just now");
    expect(relativeTime("2026-12-03T11:55:00.000Z", now)).toBe("5 minutes ago");
    expect(relativeTime("2026-12-03T09:00:00.000Z", now)).toBe("3 hours ago");
    expect(relativeTime("2026-12-02T12:00:00.000Z", now)).toBe("yesterday");
    expect(relativeTime("2026-11-12T12:00:00.000Z", now)).toBe("3 weeks ago");
  });
});

describe("shortUserAgent", () => {
  it("names browsers and systems, tools and versions", () => {
    expect(shortUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe("Chrome on macOS");
    expect(shortUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).toBe("Edge on Windows");
    expect(shortUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox on Linux");
    expect(shortUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).toBe("Safari on iOS");
    expect(shortUserAgent("curl/8.5.0")).toBe("curl 8.5");
    expect(shortUserAgent("python-requests/2.32.3")).toBe("python-requests 2.32");
    expect(shortUserAgent("")).toBe("Unknown");
    expect(shortUserAgent(null)).toBe("Unknown");
    expect(shortUserAgent(`SomeBot/${"x".repeat(80)}`)).toHaveLength(40);
  });
});

describe("auditQuerySchema", () => {
  it("reads days as UTC, `to` up to the end of its day, and instants with their offset", () => {
    const q = auditQuerySchema.parse({ from: "2026-12-01", to: "2026-12-03" });
    expect(q.from?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(q.to?.toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect(q.limit).toBe(50);
    expect(auditQuerySchema.parse({ to: "2026-12-03T10:00:00+01:00" }).to?.toISOString()).toBe("2026-12-03T09:00:00.001Z");
  });

  it("refuses impossible dates, reversed ranges, foreign cursors, unknown categories and parameters", () => {
    for (const bad of [
      { from: "2026-02-30" },
      { from: "yesterday" },
      { from: "1999-12-31" },
      { from: "2026-12-05", to: "2026-12-01" },
      { cursor: "0" },
      { cursor: "abc" },
      { cursor: "99999999999999999999" },
      { cursor: "9223372036854775808" },
      { category: "everything" },
      { actor: "a'b" },
      { waitlist_id: "x".repeat(65) },
      { limit: "101" },
      { limit: "0" },
      { team: "x" },
    ]) {
      expect(auditQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(auditQuerySchema.safeParse({ cursor: "9223372036854775807", actor: "system", category: "other" }).success).toBe(true);
  });

  it("maps the dashboard's short names and drops empty fields", () => {
    expect(fromDashboardSearch({ who: "u1", category: "", waitlist: ["w1", "w2"], from: "2026-12-01", cursor: "12", other: "x" })).toEqual({
      actor: "u1",
      waitlist_id: "w1",
      from: "2026-12-01",
      cursor: "12",
    });
  });
});
