import { ERROR_SCHEMA, LICENSE, mergePathModules, SERVERS, type PathModule } from "@/lib/api/openapi-kit";
import { auditPathModule } from "@/lib/audit/openapi";
import { featureModule } from "@/lib/api/owner-openapi/features";
import { fieldModule } from "@/lib/api/owner-openapi/fields";
import { invitationPaths } from "@/lib/api/owner-openapi/invitations";
import { keyPaths } from "@/lib/api/owner-openapi/keys";
import { operationPaths } from "@/lib/api/owner-openapi/operations";
import { waitlistPaths } from "@/lib/api/owner-openapi/waitlists";
import { reviewPathModule } from "@/lib/review/openapi";
import { teamPathModule } from "@/lib/teams/openapi";
import { webhookPathModule } from "@/lib/webhooks/openapi";

// OpenAPI 3.1 description of the owner API (/api/waitlists/**, /api/keys), served at /api/openapi.json beside
// the public one (/api/public/openapi.json). Each area describes its routes as one PathModule ({tag, paths,
// schemas}, built with ownerOp from ./operation.ts for the shared 401/403/429 answers); a new area (webhooks,
// /api/v1/features) adds its module to OWNER_PATH_MODULES, and mergePathModules refuses a path claimed twice.
// document.test.ts checks that the document lists exactly the owner routes of the access map and matches their
// real answers; `npm test` lints it with Redocly (scripts/lint-openapi.ts).

export const OWNER_PATH_MODULES: readonly PathModule[] = [
  waitlistPaths,
  invitationPaths,
  operationPaths,
  reviewPathModule,
  keyPaths,
  featureModule,
  fieldModule,
  webhookPathModule,
  auditPathModule,
  teamPathModule,
];

export function buildOwnerOpenApi(modules: readonly PathModule[] = OWNER_PATH_MODULES) {
  return mergePathModules(
    {
      openapi: "3.1.0",
      info: {
        title: "WaitForge Owner API",
        version: "1.0.0",
        license: LICENSE,
        description:
          "Manage your waitlists from scripts and servers. Authenticate with an API key (`Authorization: Bearer " +
          "wf_live_…`, created in the dashboard under API keys) or the dashboard's session cookie. Read-only keys " +
          "may only GET (403 forbidden otherwise); each key may make OWNER_KEY_RATE_LIMIT requests a minute (600 " +
          "by default; 429 rate_limited with Retry-After). Another owner's ids answer 404, never 403.",
      },
      servers: SERVERS,
      security: [{ apiKey: [] }, { session: [] }],
      paths: {},
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "wf_live_ + 32 base62 characters",
            description: "An owner API key. Requests with a key skip the Origin check; key management refuses keys.",
          },
          session: {
            type: "apiKey",
            in: "cookie",
            name: "waitforge_session",
            description: "The dashboard's session cookie. Writes must come from the app's own Origin.",
          },
        },
        schemas: { Error: ERROR_SCHEMA as unknown as Record<string, unknown> },
      },
    },
    modules,
  );
}

let built: ReturnType<typeof buildOwnerOpenApi> | undefined;

/** The document as served (built once). */
export function ownerOpenApiDocument() {
  built ??= buildOwnerOpenApi();
  return built;
}
