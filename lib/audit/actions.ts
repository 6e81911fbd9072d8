// The words of the audit log (client-safe): what each recorded action means, and the category the dashboard's
// filter groups it under. An action is the route pattern the owner gate recorded ("PATCH /api/waitlists/:id",
// lib/audit/record.ts's routeAction) or a system action named with dots ("billing.plan_changed"). Every
// audited owner route needs a row here (lib/audit/actions.test.ts reads the access map); an action without one
// (an old row of a route since renamed) still reads as words, under "other".

export const AUDIT_CATEGORIES = ["settings", "people", "exports", "imports", "keys", "webhooks", "members", "billing", "other"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<AuditCategory, string> = {
  settings: "Settings",
  people: "People and letting in",
  exports: "Exports",
  imports: "Imports",
  keys: "API keys",
  webhooks: "Webhooks",
  members: "Team and members",
  billing: "Billing",
  other: "Other",
};

export type ActionWords = { label: string; category: AuditCategory };

const W = "/api/waitlists/:id";
const HOOK = `${W}/webhooks`;
const TEAM = "/api/teams/:teamId";
const V1_MEMBER = "/api/v1/features/:featureKey/members/:externalUserId";

export const ACTIONS: Readonly<Record<string, ActionWords>> = {
  // Waitlists and their settings
  "POST /api/waitlists": { label: "Created a waitlist", category: "settings" },
  [`PATCH ${W}`]: { label: "Changed the waitlist's settings", category: "settings" },
  [`DELETE ${W}`]: { label: "Deleted the waitlist", category: "settings" },
  [`PATCH ${W}/invitation-settings`]: { label: "Changed the invitation settings", category: "settings" },
  [`PATCH ${W}/restrictions`]: { label: "Changed the signup restrictions", category: "settings" },
  [`PUT ${W}/fields`]: { label: "Changed the signup questions", category: "settings" },
  [`PUT ${W}/features`]: { label: "Changed the waitlist's feature keys", category: "settings" },
  // People on the list, letting them in
  [`PATCH ${W}/signups/:signupId`]: { label: "Changed a person's status", category: "people" },
  [`DELETE ${W}/signups/:signupId`]: { label: "Deleted a person from the waitlist", category: "people" },
  [`POST ${W}/invitations`]: { label: "Let people in", category: "people" },
  [`POST ${W}/waves`]: { label: "Scheduled an invitation wave", category: "people" },
  [`DELETE ${W}/waves/:waveId`]: { label: "Cancelled an invitation wave", category: "people" },
  [`POST ${W}/review`]: { label: "Decided held referral credits", category: "people" },
  [`POST ${W}/jobs/:jobId/retry`]: { label: "Retried a failed email", category: "people" },
  // The product API (/api/v1, an API key): the product's users joining and leaving feature waitlists
  [`PUT ${V1_MEMBER}`]: { label: "Put a product user on a feature waitlist", category: "people" },
  [`DELETE ${V1_MEMBER}`]: { label: "Took a product user off a feature waitlist", category: "people" },
  // Data in and out
  [`GET ${W}/export.csv`]: { label: "Exported the waitlist as CSV", category: "exports" },
  [`POST ${W}/import`]: { label: "Imported people from a CSV", category: "imports" },
  "import.finished": { label: "Finished a CSV import", category: "imports" },
  // API keys
  "POST /api/keys": { label: "Created an API key", category: "keys" },
  "DELETE /api/keys/:keyId": { label: "Revoked an API key", category: "keys" },
  // Webhooks
  [`POST ${HOOK}`]: { label: "Added a webhook endpoint", category: "webhooks" },
  [`PATCH ${HOOK}/:endpointId`]: { label: "Changed a webhook endpoint", category: "webhooks" },
  [`DELETE ${HOOK}/:endpointId`]: { label: "Deleted a webhook endpoint", category: "webhooks" },
  [`POST ${HOOK}/:endpointId/rotate-secret`]: { label: "Rotated a webhook endpoint's secret", category: "webhooks" },
  [`POST ${HOOK}/:endpointId/test`]: { label: "Sent a test webhook event", category: "webhooks" },
  [`POST ${HOOK}/deliveries/:deliveryId/resend`]: { label: "Resent a webhook delivery", category: "webhooks" },
  [`POST ${HOOK}/resend-failed`]: { label: "Resent failed webhook deliveries", category: "webhooks" },
  // The team and its members (app/api/teams/**, app/api/invitations/**)
  "POST /api/teams": { label: "Created a team", category: "members" },
  [`PATCH ${TEAM}`]: { label: "Changed the team's settings", category: "members" },
  [`PATCH ${TEAM}/members/:userId`]: { label: "Changed a member's role", category: "members" },
  [`DELETE ${TEAM}/members/:userId`]: { label: "Removed a member from the team", category: "members" },
  [`POST ${TEAM}/invitations`]: { label: "Invited someone to the team", category: "members" },
  [`DELETE ${TEAM}/invitations/:invitationId`]: { label: "Revoked a team invitation", category: "members" },
  "POST /api/invitations/accept": { label: "Joined the team (accepted an invitation)", category: "members" },
  // Billing
  [`POST ${W}/upgrade`]: { label: "Started an upgrade to Pro", category: "billing" },
  [`POST ${W}/billing-portal`]: { label: "Opened the billing portal", category: "billing" },
  "billing.plan_changed": { label: "The team's plan changed", category: "billing" },
};

const VERBS: Record<string, string> = { POST: "Sent", PUT: "Replaced", PATCH: "Changed", DELETE: "Deleted", GET: "Read" };

/** The words for an action: its row, or for one without a row a readable form of it, under "other". */
export function describeAction(action: string, context: { actorUserId?: string | null; target?: string | null } = {}): ActionWords {
  const known = ACTIONS[action];
  if (known) {
    // Removing oneself is leaving: the log reads better saying so.
    if (action === `DELETE ${TEAM}/members/:userId` && context.target && context.target === context.actorUserId) {
      return { label: "Left the team", category: "members" };
    }
    return known;
  }
  return { label: fallbackLabel(action), category: "other" };
}

export function hasWords(action: string): boolean {
  return Object.hasOwn(ACTIONS, action);
}

/** The actions filed under a category (for "other": none, it is everything no row claims). */
export function actionsIn(category: AuditCategory): string[] {
  return Object.entries(ACTIONS)
    .filter(([, words]) => words.category === category)
    .map(([action]) => action);
}

/** "POST /api/waitlists/:id/some-thing" -> "Sent some thing"; "team.renamed" -> "Team: renamed". */
function fallbackLabel(action: string): string {
  const route = /^([A-Z]+) (\/\S*)$/.exec(action);
  if (route) {
    const literal = route[2]!.split("/").filter((s) => s && !s.startsWith(":") && s !== "api");
    const noun = (literal.at(-1) ?? "something").replace(/[-_.]+/g, " ");
    return `${VERBS[route[1]!] ?? route[1]!} ${noun}`;
  }
  const [area, ...rest] = action.split(".");
  const words = (s: string) => s.replace(/[-_]+/g, " ").trim();
  if (rest.length === 0 || !area) return words(action) || "Unknown action";
  const head = words(area);
  return `${head.charAt(0).toUpperCase()}${head.slice(1)}: ${words(rest.join(" "))}`;
}
