import "server-only";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newFieldId, type FieldDefinition } from "@/lib/fields/definitions";
import { fieldListSchema, readFieldDefinitions, type FieldInput } from "@/lib/fields/schemas";
import { invalidatePublicWaitlist } from "@/lib/waitlists/public";

// The owner's questions, read and replaced as a whole. Callers have checked ownership (requireOwnedWaitlist).
// A stored question missing from the new list is archived, never deleted, so answers already given keep a
// label and a CSV column; a question keeps its type for life (old answers must keep meaning what they said).

export async function getFieldDefinitions(waitlistId: string): Promise<FieldDefinition[]> {
  const { rows } = await pool().query<{ custom_fields: unknown }>(`SELECT custom_fields FROM waitlists WHERE id = $1`, [waitlistId]);
  return readFieldDefinitions(rows[0]?.custom_fields);
}

export async function saveFieldDefinitions(waitlist: { id: string; slug: string }, input: FieldInput[]): Promise<FieldDefinition[]> {
  const client = await pool().connect();
  let saved: FieldDefinition[];
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ custom_fields: unknown }>(
      `SELECT custom_fields FROM waitlists WHERE id = $1 FOR UPDATE`,
      [waitlist.id],
    );
    saved = mergeFields(readFieldDefinitions(rows[0]?.custom_fields), input);
    await client.query(`UPDATE waitlists SET custom_fields = $2::jsonb, updated_at = now() WHERE id = $1`, [
      waitlist.id,
      JSON.stringify(saved),
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  invalidatePublicWaitlist(waitlist.slug);
  return saved;
}

/** The new list in the owner's order, then stored questions it left out, archived. */
export function mergeFields(stored: readonly FieldDefinition[], input: readonly FieldInput[]): FieldDefinition[] {
  const before = new Map(stored.map((f) => [f.id, f]));
  const next: FieldDefinition[] = input.map((f, i) => {
    const id = f.id ?? newFieldId();
    const old = before.get(id);
    if (old && old.type !== f.type) {
      throw new AppError(
        "invalid_input",
        `fields.${i}.type: "${f.label}" was a ${old.type.replace("_", " ")} question; archive it and add a new one instead.`,
        `fields.${i}.type`,
      );
    }
    return { ...f, id };
  });
  const kept = new Set(next.map((f) => f.id));
  for (const f of stored) if (!kept.has(f.id)) next.push({ ...f, archived: true });
  const checked = fieldListSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = ["fields", ...(issue?.path ?? [])].join(".");
    throw new AppError("invalid_input", `${field}: ${issue?.message ?? "invalid"}`, field);
  }
  return next;
}
