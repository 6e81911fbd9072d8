import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Endpoint signing secrets. We must sign with them, so they cannot be hashed: they are stored sealed with
// AES-256-GCM under a key derived from AUTH_SECRET (HKDF-SHA256, its own `info`, so the key is used for nothing
// else), and shown to the owner only when created or rotated. A database dump without AUTH_SECRET holds no usable
// secret; a changed AUTH_SECRET makes the stored ones unreadable (rotate them then).

const VERSION = "v1";
let cachedKey: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const e = env();
  // Outside production a missing AUTH_SECRET (tests, scripts) gets a fixed development key; production always has
  // one (Auth.js needs it), and without it nothing is sealed.
  const secret = e.AUTH_SECRET ?? (e.NODE_ENV === "production" ? undefined : "waitforge-development-only-key");
  if (!secret) throw new Error("AUTH_SECRET is required to store webhook signing secrets");
  if (cachedKey?.secret !== secret) {
    const derived = Buffer.from(hkdfSync("sha256", secret, "waitforge", "webhook-signing-secrets/v1", 32));
    cachedKey = { secret, key: derived };
  }
  return cachedKey.key;
}

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${iv.toString("base64url")}:${body.toString("base64url")}`;
}

export function open(sealed: string): string {
  const [version, iv, body] = sealed.split(":");
  if (version !== VERSION || !iv || !body) throw new Error("not a sealed webhook secret");
  const bytes = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
}
