import "server-only";
import { createHash, randomFillSync } from "node:crypto";
import { REF_CODE_ALPHABET, REF_CODE_LENGTH } from "@/lib/signups/schemas";

// Every signup needs 32 random bytes (its code and its status token). The token's own randomBytes(24) call cost
// ~25 µs a signup under launch-day load (each RAND_bytes call has a fixed price in OpenSSL 3), so they are drawn
// from a 4 KB block filled at once, as Node does for randomUUID(); each byte is handed out once.
const POOL = Buffer.allocUnsafeSlow(4096);
let offset = POOL.length;

function randomChunk(size: number): Buffer {
  if (offset + size > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const chunk = Buffer.from(POOL.subarray(offset, offset + size));
  offset += size;
  return chunk;
}

// 32 letters: a byte's low five bits pick one without bias.
const ALPHABET_MASK = REF_CODE_ALPHABET.length - 1;

/** An unguessable referral code: crypto-random, 32^8 ≈ 1.1e12 possibilities. */
export function newRefCode(): string {
  const bytes = randomChunk(REF_CODE_LENGTH);
  let code = "";
  for (const b of bytes) code += REF_CODE_ALPHABET[b & ALPHABET_MASK];
  return code;
}

/** The secret of a signup's private status link; only its hash is stored. */
export function newStatusToken(): { token: string; hash: string } {
  const token = randomChunk(24).toString("base64url");
  return { token, hash: hashStatusToken(token) };
}

export function hashStatusToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
