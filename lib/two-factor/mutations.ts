import { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { verifyPassword } from "../auth/password";
import { confirmLoginAttempt, reserveLoginAttempt, SIGNED_IN } from "../auth/throttle";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { readSiteSettings } from "../settings/queries";
import { encryptSecret, decryptSecret, generateRecoveryCodes, hashRecoveryCode } from "./crypto";
import { TWO_FACTOR_REQUIRED_KEY } from "./queries";
import { acceptTotp, reserveCodeAttempt, UNREADABLE_SECRET } from "./sign-in";
import { confirmEnrolmentSchema, confirmWithPasswordSchema, resetTwoFactorSchema, setTwoFactorRequiredSchema } from "./schema";
import { newTotpSecret, totpQrDataUrl, totpUri } from "./totp";
import { assertUserChange } from "../users/policy";

/** Begins enrolment (the signed-in user, for themselves): a new secret, not active until confirmed with a code. */
export async function beginTwoFactorEnrolment(viewer: Viewer) {
  const existing = await db.twoFactor.findUnique({ where: { userId: viewer.id }, select: { enabledAt: true } });
  if (existing?.enabledAt) throw new AppError("conflict", "Two-factor sign-in is already on. Turn it off first to move it to another app.");
  const secret = encryptSecret(newTotpSecret());
  await db.twoFactor.upsert({
    where: { userId: viewer.id },
    create: { userId: viewer.id, secret },
    update: { secret, enabledAt: null, lastTimeStep: null },
  });
  return { started: true };
}

/**
 * What the enrolment screen shows while enrolment is under way: the QR code and the secret for
 * typing in by hand. Null once two-factor is on: the secret is never shown again.
 */
export async function getPendingEnrolment(viewer: Viewer) {
  const row = await db.twoFactor.findUnique({ where: { userId: viewer.id }, select: { secret: true, enabledAt: true } });
  if (!row || row.enabledAt) return null;
  const secret = decryptSecret(row.secret);
  if (!secret) return null;
  const { siteName } = await readSiteSettings();
  const uri = totpUri(secret, viewer.email, siteName);
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), qrDataUrl: await totpQrDataUrl(uri) };
}

/**
 * Confirms enrolment with a code from the app: two-factor is on from here, and ten new recovery
 * codes are returned (once; only their digests are kept). Throttled like sign-in codes. Audited.
 */
export async function confirmTwoFactorEnrolment(viewer: Viewer, input: z.input<typeof confirmEnrolmentSchema>, ip: string | null) {
  const { code } = parseOrThrow(confirmEnrolmentSchema, input);
  const row = await db.twoFactor.findUnique({ where: { userId: viewer.id }, select: { enabledAt: true } });
  if (!row) throw new AppError("invalid", "Start the set-up first.");
  if (row.enabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  const { attemptId } = await reserveCodeAttempt(viewer.email, { ip, device: SIGNED_IN });
  if (!(await acceptTotp(viewer.id, code))) {
    const message = "That code is not right. Check the time on your phone and enter the code the app shows now.";
    throw new AppError("invalid", message, { code: [message] });
  }
  await confirmLoginAttempt(attemptId);
  const codes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.twoFactor.update({ where: { userId: viewer.id }, data: { enabledAt: new Date() } });
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: viewer.id, codeHash: hashRecoveryCode(viewer.id, c) })) });
    await recordAudit(tx, { actorId: viewer.id, action: "user.twoFactor.enable", entityType: "User", entityId: viewer.id });
  });
  return { recoveryCodes: codes };
}

/** The current password, checked and throttled as on the password change form. */
async function confirmPassword(viewer: Viewer, password: string, ip: string | null) {
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("not_found", "Your account no longer exists.");
  const { attemptId } = await reserveLoginAttempt(user.email, { ip, device: SIGNED_IN });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("invalid", "Your current password is not right.", { password: ["Your current password is not right."] });
  }
  await confirmLoginAttempt(attemptId);
}

/** Turns the viewer's own two-factor off (current password required); also cancels an enrolment under way. Audited. */
export async function disableTwoFactor(viewer: Viewer, input: z.input<typeof confirmWithPasswordSchema>, ip: string | null) {
  const { password } = parseOrThrow(confirmWithPasswordSchema, input);
  await confirmPassword(viewer, password, ip);
  await db.$transaction(async (tx) => {
    const removed = await tx.twoFactor.deleteMany({ where: { userId: viewer.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.id } });
    if (removed.count)
      await recordAudit(tx, { actorId: viewer.id, action: "user.twoFactor.disable", entityType: "User", entityId: viewer.id });
  });
  return { disabled: true };
}

/** Replaces the viewer's recovery codes with ten new ones (current password required); the old ones stop working. Audited. */
export async function regenerateRecoveryCodes(viewer: Viewer, input: z.input<typeof confirmWithPasswordSchema>, ip: string | null) {
  const { password } = parseOrThrow(confirmWithPasswordSchema, input);
  await confirmPassword(viewer, password, ip);
  const codes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    const row = await tx.twoFactor.findUnique({ where: { userId: viewer.id }, select: { enabledAt: true } });
    if (!row?.enabledAt) throw new AppError("invalid", "Two-factor sign-in is not on.");
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: viewer.id, codeHash: hashRecoveryCode(viewer.id, c) })) });
    await recordAudit(tx, { actorId: viewer.id, action: "user.twoFactor.recoveryCodes", entityType: "User", entityId: viewer.id });
  });
  return { recoveryCodes: codes };
}

/**
 * Resets a user's two-factor (admins; for a lost phone and lost codes): it is off again, and every
 * session of theirs ends. Audited.
 */
export async function resetTwoFactorByAdmin(viewer: Viewer, input: z.input<typeof resetTwoFactorSchema>) {
  const { userId } = parseOrThrow(resetTwoFactorSchema, input);
  assertUserChange(viewer, userId, "resetAccess");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("not_found", "That user no longer exists.");
    const removed = await tx.twoFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    if (!removed.count) throw new AppError("invalid", "This user has no two-factor sign-in to reset.");
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.twoFactor.reset", entityType: "User", entityId: userId });
    return { reset: true };
  });
}

/** Requires (or stops requiring) two-factor sign-in for editors and admins (admins who use it themselves). Audited. */
export async function setTwoFactorRequired(viewer: Viewer, input: z.input<typeof setTwoFactorRequiredSchema>) {
  assertPermission(viewer, "user.manage");
  const { required } = parseOrThrow(setTwoFactorRequiredSchema, input);
  await db.$transaction(async (tx) => {
    // Requiring it of admins without having it would send this admin, too, to enrolment mid-task.
    const own = await tx.twoFactor.findUnique({ where: { userId: viewer.id }, select: { enabledAt: true } });
    if (required && !own?.enabledAt) {
      throw new AppError("invalid", "Set up your own two-factor sign-in first (on your profile page), then require it of others.");
    }
    const value = String(required);
    await tx.setting.upsert({
      where: { key: TWO_FACTOR_REQUIRED_KEY },
      create: { key: TWO_FACTOR_REQUIRED_KEY, value },
      update: { value },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "settings.twoFactorRequired",
      entityType: "Setting",
      entityId: TWO_FACTOR_REQUIRED_KEY,
      data: { required },
    });
  });
  return { required };
}

export { UNREADABLE_SECRET };
