import type { ApiRoute } from "./access-map";

// The access rows of the team routes (app/api/teams/**, app/api/invitations/**), spread into API_ACCESS by
// tests/support/access-map.ts. Kept apart so the team and audit work can each own their rows. The world's
// :teamId is A's personal team (which holds the list), :userId a viewer member of it, :invitationId a pending
// invitation into it (tests/support/team-scene.ts). Member management, creating teams and accepting invitations
// need a person (sessionOnly: a key gets 403); the reads work with the team's own key too.

const unique = () => Math.random().toString(36).slice(2, 10);

export const TEAM_API_ACCESS: Record<string, ApiRoute> = {
  "/api/teams": {
    who: "owner",
    methods: {
      // Another owner gets their own teams (nothing of A's).
      GET: { status: 200 },
      // Any signed-in person (a viewer elsewhere too): the new team is theirs, no team of theirs is touched.
      POST: { body: () => ({ name: "Made by the access table" }), status: 201, sessionOnly: true, role: "viewer" },
    },
  },
  // The body names A's team: another owner is not in it (404), like an id in the path.
  // Any member picks it (a viewer too).
  "/api/teams/current": {
    who: "owner",
    sessionOnly: true,
    othersNotFound: true,
    methods: { PUT: { body: (ids) => ({ team_id: ids.teamId }), status: 200, role: "viewer" } },
  },
  "/api/teams/:teamId": {
    who: "owner",
    othersNotFound: true,
    methods: {
      GET: { status: 200 },
      PATCH: { body: () => ({ name: "Renamed by the access table" }), status: 200, sessionOnly: true, role: "owner" },
    },
  },
  "/api/teams/:teamId/members": { who: "owner", othersNotFound: true, methods: { GET: { status: 200 } } },
  "/api/teams/:teamId/members/:userId": {
    who: "owner",
    sessionOnly: true,
    othersNotFound: true,
    methods: {
      PATCH: { body: () => ({ role: "admin" }), status: 200, role: "owner" },
      // The route lets any member leave (least role viewer); removing someone else, as here, needs an owner.
      DELETE: { status: 200, role: "owner", declaredRole: "viewer" },
    },
  },
  "/api/teams/:teamId/invitations": {
    who: "owner",
    othersNotFound: true,
    methods: {
      GET: { status: 200, role: "admin" },
      POST: { body: () => ({ email: `invite-${unique()}@example.com`, role: "viewer" }), status: 201, sessionOnly: true, role: "owner" },
    },
  },
  "/api/teams/:teamId/invitations/:invitationId": {
    who: "owner",
    sessionOnly: true,
    othersNotFound: true,
    methods: { DELETE: { status: 200, role: "owner" } },
  },
  // A token nobody was given: the handler's own 410 for everyone signed in, past the gate (the accept itself is
  // covered by app/api/invitations/accept/route.test.ts).
  "/api/invitations/accept": {
    who: "owner",
    sessionOnly: true,
    // Any signed-in person: they are not in the team yet.
    methods: { POST: { body: () => ({ token: "T".repeat(43) }), status: 410, code: "invitation_invalid", role: "viewer" } },
  },
};

/** Dashboard pages of the team section, spread into DASHBOARD_PAGES. */
export const TEAM_DASHBOARD_PAGES: Record<string, { ownerSees: string }> = {
  "/dashboard/team": { ownerSees: "Invite someone" },
  "/dashboard/teams/new": { ownerSees: "Create a team" },
};
