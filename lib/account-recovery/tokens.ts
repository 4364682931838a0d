import crypto from "node:crypto";
import type { Tx } from "../db";

/** How long a reset link works. */
export const RESET_TOKEN_TTL_MS = 60 * 60_000;

const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

/** What the database keeps of a token: its SHA-256, so a copy of the database opens no account. */
export const hashResetToken = (token: string) => sha256(`dateline-reset:${token}`);

/** A digest of the password hash a token was issued against: a token outlives no password change. */
export const passwordStamp = (passwordHash: string) => sha256(`dateline-reset-stamp:${passwordHash}`).slice(0, 32);

/**
 * Issues a new reset token for a user, ending the older ones a newer link replaces: all of them
 * when an admin makes it; only the ones the holder asked for when anyone asks by typing the
 * address (a security probe: an anonymous request ended the link an admin had handed over).
 * Returns the raw token, which exists only in the link that is mailed.
 */
export async function issueResetToken(
  tx: Pick<Tx, "passwordResetToken">,
  user: { id: string; passwordHash: string },
  requestedById: string | null,
  now = new Date(),
): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.passwordResetToken.updateMany({
    where: { userId: user.id, usedAt: null, ...(requestedById ? {} : { requestedById: null }) },
    data: { usedAt: now },
  });
  await tx.passwordResetToken.create({
    data: {
      userId: user.id,
      tokenHash: hashResetToken(token),
      passwordStamp: passwordStamp(user.passwordHash),
      expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
      requestedById,
      createdAt: now,
    },
  });
  return token;
}

export type UsableToken = {
  id: string;
  /** The admin who made or sent the link from the users screen; null when the holder asked for it. */
  requestedById: string | null;
  user: { id: string; email: string; name: string; disabled: boolean };
};

/**
 * The token row for a raw token if it can still be used: not used, not expired, not replaced by a
 * newer one, issued against the user's current password, and for an account that is not disabled.
 */
export async function findUsableResetToken(
  client: Pick<Tx, "passwordResetToken">,
  token: string,
  now = new Date(),
): Promise<UsableToken | null> {
  const row = await client.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      passwordStamp: true,
      requestedById: true,
      user: { select: { id: true, email: true, name: true, disabled: true, passwordHash: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.disabled) return null;
  if (row.passwordStamp !== passwordStamp(row.user.passwordHash)) return null;
  return {
    id: row.id,
    requestedById: row.requestedById,
    user: { id: row.user.id, email: row.user.email, name: row.user.name, disabled: row.user.disabled },
  };
}
