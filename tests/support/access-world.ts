import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { db, pool } from "@/lib/db";
import { env } from "@/lib/env";
import { quoteIdent } from "@/lib/jobs/ident";
import { createKey } from "@/lib/keys/mutations";
import { mintSignupToken } from "@/lib/signup-email/tokens";
import { createSignup } from "@/lib/signups/mutations";
import { createEndpoint, sendTestEvent } from "@/lib/webhooks/endpoints";
import type { Ids } from "@/tests/support/access-map";
import { createWaitlist, uniqueEmail, uniqueIp, uniqueSlug } from "@/tests/support/fixtures";
import { createApiKey } from "@/tests/support/feature-api";
import { signedInOwner } from "@/tests/support/owner-api";
import { teamScene } from "@/tests/support/team-scene";
import { TEAM_COOKIE } from "@/lib/teams/current";
import type { Role } from "@/lib/teams/roles";

// The scene every row of the access table is played against: owner A with a waitlist and one signup in A's
// personal team, where an admin and a viewer are members too (each signed in, with the team picked in the
// dashboard); A's read-write and read-only keys; a stranger B signed in with a team of their own; and A's
// session in its expired and forged forms. Every value of A's that must never reach another caller carries a
// random marker, so "no data of A in the body" is a plain substring check.

export const APP_ORIGIN = "http://localhost:3000";

export type AccessWorld = Awaited<ReturnType<typeof accessWorld>>;

export async function accessWorld() {
  const marker = randomBytes(6).toString("hex");
  const a = await signedInOwner();
  const b = await signedInOwner();
  const waitlist = await createWaitlist({
    ownerId: a.id,
    slug: uniqueSlug("acc"),
    title: `Secret launch ${marker}`,
    description: `Private plans ${marker}`,
  });
  const signup = await createSignup({ waitlistId: waitlist.id, email: uniqueEmail(`fan-${marker}`), name: `Fan ${marker}` });
  if (signup.kind !== "created") throw new Error(`fixture signup: ${signup.kind}`);
  const signupEmail = (await db().signup.findUniqueOrThrow({ where: { id: signup.id }, select: { email: true } })).email;

  const admin = await teamMember(waitlist.teamId, "admin");
  const viewer = await teamMember(waitlist.teamId, "viewer");
  const key = await createKey(waitlist.teamId, a.id, { name: `CI ${marker}`, scope: "write" });
  const expiredToken = randomBytes(32).toString("hex");
  await db().session.create({ data: { sessionToken: expiredToken, userId: a.id, expires: new Date(Date.now() - 1000) } });

  const bList = await createWaitlist({ ownerId: b.id, slug: uniqueSlug("acc-b"), title: "The stranger's own list" });
  const ids: Ids = {
    id: waitlist.id,
    signupId: signup.id,
    slug: waitlist.slug,
    refCode: signup.refCode,
    token: await mintSignupToken(signup.id, "unsubscribe"),
    waveId: (await db().inviteWave.create({ data: { waitlistId: waitlist.id, size: 10, kind: "daily", timeOfDay: "10:00", nextRunAt: new Date(Date.now() + 86_400_000) } })).id,
    code: "ABCD2345",
    jobId: await welcomeJobId(signup.id),
    keyId: key.key.id,
    ...(await featureScene(waitlist.teamId, waitlist.id)),
    ...(await teamScene(waitlist.teamId, a.id)),
  };
  // Disabled, so nothing is ever sent to it; an IP literal, so saving it needs no DNS.
  const hook = await createEndpoint(waitlist.teamId, waitlist.id, { url: "https://93.184.215.14/hooks", description: "", events: ["signup.created"], enabled: false });
  ids.endpointId = hook.endpoint.id;
  ids.deliveryId = await sendTestEvent(waitlist.teamId, waitlist.id, hook.endpoint.id);
  return {
    a,
    b,
    /** A's personal team, which holds the list. */
    teamId: waitlist.teamId,
    /** A's ids with B's own list and team in place of A's: what B may try to reach A's signups, hooks, members... through. */
    strangerIds: { ...ids, id: bList.id, slug: bList.slug, teamId: bList.teamId } satisfies Ids,
    /** A's team's people besides A (A is its owner), signed in with A's team picked as their current one. */
    admin,
    viewer,
    ids,
    /** Anonymous callers: no cookie, A's expired session, a well-formed token nobody was ever given. */
    anonymousCookies: [
      { label: "no cookie", cookie: undefined },
      { label: "expired session", cookie: `waitforge_session=${expiredToken}` },
      { label: "forged session", cookie: `waitforge_session=${randomBytes(32).toString("hex")}` },
    ],
    /** A's read-write API key (its secret). */
    keySecret: key.secret,
    /** Everything of A's that no other caller may see. */
    secrets: [marker, a.email, admin.email, viewer.email, waitlist.id, waitlist.slug, signup.id, signup.refCode, signupEmail, key.key.id, key.secret],
    snapshot: () => snapshot(waitlist.teamId, waitlist.id),
    /** Bearer credentials of the product API (who: "key"): A's read-write and read-only keys, B's key, refused ones. */
    keys: {
      a: await createApiKey(a.id, "write"),
      aRead: await createApiKey(a.id, "read"),
      b: await createApiKey(b.id, "write"),
      refused: [
        { label: "no key", authorization: undefined },
        { label: "revoked key", authorization: `Bearer ${await createApiKey(a.id, "write", true)}` },
        { label: "unknown key", authorization: `Bearer wf_live_${"0".repeat(32)}` },
        { label: "not a bearer key", authorization: "Basic YTpi" },
      ],
    },
  };
}

/**
 * Someone signed in who was let into the team with `role` (the row an accepted invitation leaves), with the team
 * picked in the dashboard, so team-level routes (/api/waitlists, /api/keys) act in it rather than in the
 * member's own personal team.
 */
async function teamMember(teamId: string, role: Exclude<Role, "owner">) {
  const person = await signedInOwner();
  await db().teamMember.create({ data: { teamId, userId: person.id, role }, select: { userId: true } });
  /** `sessionCookie`: the session alone, no team picked (so the member acts in their personal team). */
  return { ...person, cookie: `${person.cookie}; ${TEAM_COOKIE}=${teamId}`, sessionCookie: person.cookie };
}

/** A feature key on A's list (lib/features) and a user id of A's product that is not on it yet. */
async function featureScene(teamId: string, waitlistId: string) {
  const featureKey = `acc-${randomBytes(4).toString("hex")}`;
  await db().waitlistFeature.create({ data: { teamId, key: featureKey, waitlistId }, select: { key: true } });
  return { featureKey, externalUserId: `user-${randomBytes(4).toString("hex")}` };
}

/** The signup's welcome job, queued with it (the worker does not run here, so it stays waiting). */
async function welcomeJobId(signupId: string): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT id FROM ${quoteIdent(env().JOB_SCHEMA)}.job WHERE name = 'signup-welcome' AND data->>'signupId' = $1`,
    [signupId],
  );
  if (!rows[0]) throw new Error("fixture signup: no welcome job");
  return rows[0].id;
}

/**
 * A's state that a refused call must leave exactly as it was: the team (billing, export setting, people,
 * invitations, keys, audit trail) and the list with everything hanging off it. Nothing a permitted read
 * touches (a key's last use) is in it.
 */
async function snapshot(teamId: string, waitlistId: string) {
  const [team, members, invitations, apiKeys, auditRecords] = await Promise.all([
    db().team.findUnique({ where: { id: teamId } }),
    db().teamMember.findMany({ where: { teamId }, orderBy: { userId: "asc" }, select: { userId: true, role: true } }),
    db().teamInvitation.findMany({ where: { teamId }, orderBy: { id: "asc" }, omit: { tokenHash: true } }),
    db().apiKey.findMany({ where: { teamId }, orderBy: { id: "asc" }, select: { id: true, name: true, scope: true, revokedAt: true } }),
    db().auditLog.count({ where: { teamId } }),
  ]);
  const [waitlists, signups, waves, features, webhookEndpoints, webhookDeliveries] = await Promise.all([
    // Every column: a settings write of any kind (restrictions, questions, invitation settings) shows here.
    db().waitlist.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db().signup.findMany({ where: { waitlistId }, orderBy: { seq: "asc" }, select: { id: true, status: true, name: true } }),
    db().inviteWave.findMany({ where: { waitlistId }, orderBy: { id: "asc" } }),
    db().waitlistFeature.findMany({ where: { teamId }, orderBy: { key: "asc" } }),
    db().webhookEndpoint.findMany({
      where: { waitlistId },
      orderBy: { id: "asc" },
      select: { id: true, url: true, description: true, events: true, enabled: true, secretEnc: true },
    }),
    db().webhookDelivery.findMany({ where: { waitlistId }, orderBy: { id: "asc" }, select: { id: true, status: true, nextAttemptAt: true } }),
  ]);
  return { team, members, invitations, apiKeys, auditRecords, waitlists, signups, waves, features, webhookEndpoints, webhookDeliveries };
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type Sent = { status: number; text: string; json: Record<string, unknown> | null; headers: Headers };

/**
 * One request through a route handler as Next hands it over: a NextRequest (Auth.js needs one) and the
 * params promise. Writes carry our own Origin unless `headers` says otherwise, like the dashboard's fetches.
 */
export async function send(
  handler: Handler,
  opts: {
    method: string;
    path: string;
    params: Record<string, string | string[]>;
    cookie?: string;
    headers?: Record<string, string>;
    body?: unknown;
    contentType?: string;
  },
): Promise<Sent> {
  const headers: Record<string, string> = { "x-forwarded-for": uniqueIp() };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (!["GET", "HEAD", "OPTIONS"].includes(opts.method)) headers.origin = APP_ORIGIN;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] = opts.contentType ?? "application/json";
  }
  for (const [k, v] of Object.entries(opts.headers ?? {})) {
    if (v === "") delete headers[k];
    else headers[k] = v;
  }
  const req = new NextRequest(`${APP_ORIGIN}${opts.path}`, { method: opts.method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params) });
  const text = res.status === 204 ? "" : await res.text();
  let json: Record<string, unknown> | null = null;
  // application/json, and application/problem+json (RFC 9457) from the product API
  if (/^application\/([a-z.+-]+\+)?json/.test(res.headers.get("content-type") ?? "") && text) json = JSON.parse(text) as Record<string, unknown>;
  return { status: res.status, text, json, headers: res.headers };
}

/** The error code of a JSON error answer, if any. */
export const codeOf = (r: Sent) =>
  (r.json?.error as { code?: string } | undefined)?.code ?? (r.json?.type ? (r.json.code as string | undefined) : undefined);

/** Substrings of `secrets` that occur in `text` (empty when nothing leaked). */
export function leaked(text: string, secrets: string[]): string[] {
  const lower = text.toLowerCase();
  return secrets.filter((s) => lower.includes(s.toLowerCase()));
}
