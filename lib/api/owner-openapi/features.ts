import type { PathModule } from "@/lib/api/openapi-kit";
import { okObject, ownerOp } from "@/lib/api/owner-openapi/operation";
import { waitlistId } from "@/lib/api/owner-openapi/waitlists";
import { featurePaths, featureSchemas } from "@/lib/features/openapi";
import { featureKeysPutSchema } from "@/lib/features/schemas";

// Feature waitlists (docs/feature-waitlists.md): the owner's feature keys of a list, and the product API under
// /api/v1 that a product's backend calls with an API key (RFC 9457 problem+json errors, lib/features/openapi.ts).

const keysAnswer = okObject({ features: { type: "object", required: ["keys"], properties: { keys: { type: "array", items: { type: "string" } } } } });

export const featureModule: PathModule = {
  tag: {
    name: "Feature waitlists",
    description: "Feature keys of a waitlist, and your product's signed-in users on them by your own user id.",
  },
  paths: {
    "/api/waitlists/{id}/features": {
      get: ownerOp({
        operationId: "getFeatureKeys",
        summary: "The waitlist's feature keys.",
        parameters: [waitlistId],
        ok: { description: "Sorted.", schema: keysAnswer },
        errors: { 404: ["No such waitlist in your account.", ["not_found"]] },
      }),
      put: ownerOp({
        operationId: "setFeatureKeys",
        summary: "Replace the waitlist's feature keys (unique among your waitlists).",
        write: true,
        parameters: [waitlistId],
        body: featureKeysPutSchema,
        ok: { description: "The keys now set.", schema: keysAnswer },
        errors: {
          404: ["No such waitlist in your account.", ["not_found"]],
          409: ["Another of your waitlists uses one of these keys.", ["conflict"]],
        },
      }),
    },
    ...(featurePaths as unknown as PathModule["paths"]),
  },
  schemas: featureSchemas as unknown as PathModule["schemas"],
};
