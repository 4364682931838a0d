import crypto from "node:crypto";

/** Every key starts with this, so a leaked one is easy to recognise (and to scan for). */
export const API_KEY_PREFIX = "dl_";

/** A new key: 32 random bytes (256 bits), so a plain SHA-256 of it is a safe thing to store. */
export function newApiToken(): string {
  return API_KEY_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** What lists show of a key: its first characters. */
export const tokenPrefix = (token: string) => token.slice(0, API_KEY_PREFIX.length + 6);
