import { createHash, randomBytes } from "node:crypto";

// The shape of an owner API key: `wf_live_` + 32 base62 characters (~190 bits). Only sha256(secret) is stored;
// a key this random needs no slow hash, and a lookup stays one index probe per request.

export const KEY_PREFIX = "wf_live_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 32;
export const KEY_PATTERN = /^wf_live_[0-9A-Za-z]{32}$/;
/** Characters of the secret shown in lists to tell keys apart (prefix included). */
const SHOWN = KEY_PREFIX.length + 4;

export function generateKey(): { secret: string; prefix: string; hash: string } {
  // Rejection sampling keeps every character uniform (256 is not a multiple of 62).
  let body = "";
  while (body.length < SECRET_LENGTH) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && body.length < SECRET_LENGTH) body += ALPHABET[byte % 62];
    }
  }
  const secret = KEY_PREFIX + body;
  return { secret, prefix: secret.slice(0, SHOWN), hash: hashKey(secret) };
}

export function hashKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
