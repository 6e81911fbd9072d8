import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { REF_CODE_ALPHABET, REF_CODE_LENGTH } from "@/lib/signups/schemas";

/** An unguessable referral code: crypto-random, 32^8 ≈ 1.1e12 possibilities. */
export function newRefCode(): string {
  let code = "";
  for (let i = 0; i < REF_CODE_LENGTH; i++) code += REF_CODE_ALPHABET[randomInt(REF_CODE_ALPHABET.length)];
  return code;
}

/** The secret of a signup's private status link; only its hash is stored. */
export function newStatusToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashStatusToken(token) };
}

export function hashStatusToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
