import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { codeAttemptKey, confirmLoginAttempt, reserveLoginAttempt, type SignInClient } from "../auth/throttle";
import { AppError } from "../errors";
import { decryptSecret, hashRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./crypto";
import { checkTotp } from "./totp";

export const INVALID_CODE = "That code is not right, or was already used. Enter the current code from your app, or a recovery code.";
export const UNREADABLE_SECRET =
  "Your two-factor setup can no longer be read (the server's secret changed). Sign in with a recovery code, or ask an admin to reset your two-factor sign-in.";

/**
 * Throttling for codes, as for passwords (lib/auth/throttle.ts): five failures per 15 minutes per
 * account, counted apart for a browser that has signed in before, and per client address lock
 * further codes, in a key space of their own (a right password does not reset it).
 */
export const reserveCodeAttempt = (email: string, who: SignInClient) =>
  reserveLoginAttempt(codeAttemptKey(email), { ip: who.ip ? codeAttemptKey(who.ip) : null, device: who.device });

/**
 * Accepts a code from the authenticator app for a step not used before, moving `lastTimeStep` on
 * in the same write, so a code cannot be replayed even by two simultaneous sign-ins.
 */
export async function acceptTotp(userId: string, code: string): Promise<boolean> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { secret: true, lastTimeStep: true, enabledAt: true } });
  if (!row) return false;
  const secret = decryptSecret(row.secret);
  if (!secret) throw new AppError("invalid", UNREADABLE_SECRET);
  const match = await checkTotp(secret, code, row.lastTimeStep);
  if (!match) return false;
  const moved = await db.twoFactor.updateMany({
    where: { userId, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: match.timeStep } }] },
    data: { lastTimeStep: match.timeStep },
  });
  return moved.count === 1;
}

/** Uses up one recovery code (audited, with how many are left). */
async function acceptRecoveryCode(userId: string, code: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const used = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(userId, code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return false;
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.twoFactor.recoveryCodeUsed",
      entityType: "User",
      entityId: userId,
      data: { left, of: RECOVERY_CODE_COUNT },
    });
    return true;
  });
}

/**
 * The second step of signing in: a six-digit code from the app or a recovery code. Throttled per
 * account and per address; throws `locked`, or `unauthorized` with one message for any wrong code.
 */
export async function verifySecondFactor(user: { id: string; email: string }, rawCode: unknown, who: SignInClient): Promise<void> {
  const { attemptId } = await reserveCodeAttempt(user.email, who);
  const code = typeof rawCode === "string" ? rawCode.trim().slice(0, 40) : "";
  const digits = code.replace(/\s/g, "");
  let ok = false;
  if (/^\d{6}$/.test(digits)) ok = await acceptTotp(user.id, digits);
  else if (/^[a-z0-9]{10}$/.test(normaliseRecoveryCode(code))) ok = await acceptRecoveryCode(user.id, code);
  if (!ok) throw new AppError("unauthorized", INVALID_CODE);
  await confirmLoginAttempt(attemptId);
}
