import "server-only";
import { readJsonObject } from "@/lib/api/body";
import { AppError } from "@/lib/errors";
import { EXTERNAL_ID_PATTERN, FEATURE_KEY_PATTERN, memberPutSchema, type MemberPut } from "@/lib/features/schemas";

// The product API's inputs into AppErrors that name the field: "path.x" for a path parameter (problem+json's
// invalid_params says `in: "path"`), the bare name for the body.

const MAX_BODY_BYTES = 4 * 1024;

/** A key that is not even key-shaped names no feature: the same 404 as an unknown one. */
export function featureKeyParam(raw: string): string {
  if (!FEATURE_KEY_PATTERN.test(raw)) throw new AppError("not_found", `No feature “${raw.slice(0, 64)}”.`);
  return raw;
}

export function externalIdParam(raw: string): string {
  if (!EXTERNAL_ID_PATTERN.test(raw)) {
    throw new AppError(
      "invalid_input",
      "external_user_id: use 1 to 128 printable ASCII characters without spaces (percent-encode it in the path).",
      "path.external_user_id",
    );
  }
  return raw;
}

/** PUT's body: optional (an existing member needs none, `curl -X PUT` without -d included); a JSON object when sent. */
export async function memberPutBody(req: Request): Promise<MemberPut> {
  const empty = req.body === null || req.headers.get("content-length") === "0";
  const raw = empty ? {} : await readJsonObject(req, MAX_BODY_BYTES);
  const parsed = memberPutSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || undefined;
    const code = field === "email" ? "invalid_email" : "invalid_input";
    throw new AppError(code, issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid input.", field);
  }
  return parsed.data;
}
