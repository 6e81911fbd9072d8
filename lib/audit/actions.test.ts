import { describe, expect, it } from "vitest";
import { ACTIONS, actionsIn, AUDIT_CATEGORIES, describeAction, hasWords } from "@/lib/audit/actions";
import { API_ACCESS } from "@/tests/support/access-map";

// Every action the gates can record has words: each owner route's changes (every method but GET), the CSV
// export (the one GET that is recorded) and the product API's changes (lib/features/key-route.ts), read from the
// access map, so a new route fails here until lib/audit/actions.ts names it.

/** Owner routes that change nothing of the team's, declared with `audit: false` (the dashboard's team switch). */
const NOT_AUDITED = new Set(["PUT /api/teams/current"]);
const RECORDED_GETS = new Set(["GET /api/waitlists/:id/export.csv"]);

const recorded = Object.entries(API_ACCESS)
  .filter(([, route]) => route.who === "owner" || route.who === "key")
  .flatMap(([pattern, route]) => Object.keys(route.methods).map((method) => `${method} ${pattern}`))
  .filter((action) => !action.startsWith("GET ") || RECORDED_GETS.has(action))
  .filter((action) => !NOT_AUDITED.has(action));

describe("the audit log's words", () => {
  it("has a label and a category for every action an owner route records", () => {
    expect(recorded.length).toBeGreaterThan(20);
    expect(recorded).toContain("GET /api/waitlists/:id/export.csv");
    expect(recorded).toContain("PUT /api/v1/features/:featureKey/members/:externalUserId");
    expect(recorded.filter((action) => !hasWords(action))).toEqual([]);
  });

  it("names the system actions and the team routes being added (their rows land with them)", () => {
    for (const action of [
      "billing.plan_changed",
      "import.finished",
      "POST /api/teams",
      "PATCH /api/teams/:teamId",
      "PATCH /api/teams/:teamId/members/:userId",
      "DELETE /api/teams/:teamId/members/:userId",
      "POST /api/teams/:teamId/invitations",
      "DELETE /api/teams/:teamId/invitations/:invitationId",
      "POST /api/invitations/accept",
    ]) {
      expect(hasWords(action), action).toBe(true);
    }
    expect(hasWords("PUT /api/teams/current")).toBe(false);
  });

  it("files every action under a known category, and a category's actions are its own", () => {
    for (const [action, words] of Object.entries(ACTIONS)) {
      expect(AUDIT_CATEGORIES, action).toContain(words.category);
      expect(words.label, action).toMatch(/^[A-Z]/);
    }
    expect(actionsIn("exports")).toEqual(["GET /api/waitlists/:id/export.csv"]);
    expect(actionsIn("keys").sort()).toEqual(["DELETE /api/keys/:keyId", "POST /api/keys"]);
  });

  it("words an action without a row readably, under other", () => {
    expect(describeAction("POST /api/waitlists/:id/magic-button")).toEqual({ label: "Sent magic button", category: "other" });
    expect(describeAction("DELETE /api/things/:thingId")).toEqual({ label: "Deleted things", category: "other" });
    expect(describeAction("team.renamed")).toEqual({ label: "Team: renamed", category: "other" });
    expect(describeAction("weird_action")).toEqual({ label: "weird action", category: "other" });
    expect(describeAction("PATCH /api/waitlists/:id")).toEqual({ label: "Changed the waitlist's settings", category: "settings" });
  });

  it("says a member who removed themselves left", () => {
    const action = "DELETE /api/teams/:teamId/members/:userId";
    expect(describeAction(action, { actorUserId: "u1", target: "u1" }).label).toBe("Left the team");
    expect(describeAction(action, { actorUserId: "u1", target: "u2" }).label).toBe("Removed a member from the team");
  });
});
