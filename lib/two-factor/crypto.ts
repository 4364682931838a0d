import crypto from "node:crypto";
import { requireAuthSecret } from "../env";

/*
 * Authenticator secrets are kept encrypted (AES-256-GCM) under a key derived from the server's
 * secret (NEXTAUTH_SECRET) with HKDF, so a copy of the database alone does not give them away.
 * Changing NEXTAUTH_SECRET makes them unreadable: users then re-enrol (an admin resets them).
 */
const keyFor = (purpose: string) => Buffer.from(crypto.hkdfSync("sha256", requireAuthSecret(), "dateline", purpose, 32));

export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFor("two-factor-secret-v1"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The stored secret in clear, or null when it cannot be read (damaged, or the server's secret changed). */
export function decryptSecret(stored: string): string | null {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", keyFor("two-factor-secret-v1"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten one-time recovery codes, shown once as `xxxxx-xxxxx` (about 49 random bits each). */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(crypto.randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

/** What is stored of a recovery code: a digest bound to its user. */
export const hashRecoveryCode = (userId: string, code: string) =>
  crypto
    .createHash("sha256")
    .update(`dateline-recovery:${userId}:${normaliseRecoveryCode(code)}`)
    .digest("hex");

/**
 * The short-lived proof, between the password step and the code step of signing in, that the
 * password was right: `userId.sessionVersion.expiry.hmac`. It never stands for a session itself.
 */
export const PENDING_SIGN_IN_TTL_MS = 5 * 60_000;

export function signPendingSignIn(userId: string, sessionVersion: number, now = Date.now()): string {
  const payload = `${userId}.${sessionVersion}.${now + PENDING_SIGN_IN_TTL_MS}`;
  const mac = crypto.createHmac("sha256", keyFor("pending-sign-in-v1")).update(payload).digest("base64url");
  return `${payload}.${mac}`;
}

export function readPendingSignIn(token: unknown, now = Date.now()): { userId: string; sessionVersion: number } | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [userId, sv, expires, mac] = parts as [string, string, string, string];
  const expected = crypto.createHmac("sha256", keyFor("pending-sign-in-v1")).update(`${userId}.${sv}.${expires}`).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (!(Number(expires) > now)) return null;
  return { userId, sessionVersion: Number(sv) };
}
