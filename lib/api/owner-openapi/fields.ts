import type { PathModule } from "@/lib/api/openapi-kit";
import { okObject, ownerOp, ref } from "@/lib/api/owner-openapi/operation";
import { waitlistId } from "@/lib/api/owner-openapi/waitlists";
import { fieldsSchemas } from "@/lib/fields/openapi";
import { MAX_STORED_FIELDS } from "@/lib/fields/definitions";
import { putFieldsSchema } from "@/lib/fields/schemas";

// The owner's own questions of a waitlist (docs/custom-fields.md). The public schema of a question is
// lib/fields/openapi.ts's Field; the owner also sees archived ones.

const field = fieldsSchemas.Field;

export const fieldModule: PathModule = {
  tag: { name: "Questions", description: "Custom fields of a waitlist: defined here, asked on the hosted page and embeds." },
  paths: {
    "/api/waitlists/{id}/fields": {
      get: ownerOp({
        operationId: "getFields",
        summary: "The waitlist's questions, archived ones included.",
        parameters: [waitlistId],
        ok: { description: "In the order they are asked.", schema: okObject({ fields: { type: "array", items: ref("OwnerField") } }) },
        errors: { 404: ["No such waitlist in your account.", ["not_found"]] },
      }),
      put: ownerOp({
        operationId: "setFields",
        summary: "Replace the questions; one left out is archived (its answers stay, and stay in the CSV).",
        write: true,
        parameters: [waitlistId],
        body: putFieldsSchema,
        bodyDescription: `At most ${MAX_STORED_FIELDS} questions with archived ones; a question's type cannot change once saved.`,
        ok: { description: "The questions now stored.", schema: okObject({ fields: { type: "array", items: ref("OwnerField") } }) },
        errors: { 404: ["No such waitlist in your account.", ["not_found"]] },
      }),
    },
  },
  schemas: {
    OwnerField: {
      ...field,
      required: [...field.required, "archived"],
      properties: { ...field.properties, archived: { type: "boolean", description: "Not asked any more; answers kept." } },
    },
  },
};
