import { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { hashPassword } from "../auth/password";
import { STRANGER } from "../auth/device";
import { clearLoginFailures, confirmLoginAttempt, reserveLoginAttempt, tryAgainIn, SignInLocked } from "../auth/throttle";
import type { Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { mailConfigured } from "../mail/transport";
import { mailPasswordChangedInBackground, mailResetLink, mailResetLinkInBackground, resetLinkUrl } from "./mail";
import { requestPasswordResetSchema, resetPasswordSchema, sendResetLinkSchema } from "./schema";
import { RESET_TOKEN_TTL_MS, findUsableResetToken, hashResetToken, issueResetToken } from "./tokens";
import { assertUserChange } from "../users/policy";

/** The one answer to "forgot password", whether or not the address has an account. */
export const RESET_REQUESTED =
  "If an account uses that address, a link to choose a new password is on its way. It works once, for one hour. Check your spam folder too.";
export const MAIL_NOT_CONFIGURED =
  "This site cannot send mail, so passwords cannot be reset by email here. Ask an admin of your newsroom for a reset link: they can make one on the users screen.";
export const RESET_LINK_UNUSABLE = "This reset link has expired, was already used or was replaced by a newer one. Ask for a new link.";

/** Every answer to "forgot password" takes at least this long, so a known address is not told apart by time. */
export const RESET_REQUEST_MIN_MS = 700;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Throttling as for sign-in, in its own key space: five per 15 minutes per address typed and per client. */
async function reserve(kind: "reset-request" | "reset", key: string, ip: string | null, message: string) {
  try {
    return await reserveLoginAttempt(`${kind}:${key}`, { ip: ip ? `${kind}:${ip}` : null, device: STRANGER });
  } catch (error) {
    if (error instanceof SignInLocked) throw new AppError("locked", `${message} ${tryAgainIn(error.minutes)}`);
    throw error;
  }
}

/**
 * "Forgot password" (anyone): mails a reset link when the address belongs to an active account,
 * and answers the same, in the same time, when it does not. The mail goes out in the background.
 */
export async function requestPasswordReset(input: z.input<typeof requestPasswordResetSchema>, ip: string | null, now = new Date()) {
  const started = Date.now();
  if (!mailConfigured()) throw new AppError("invalid", MAIL_NOT_CONFIGURED);
  const { email } = parseOrThrow(requestPasswordResetSchema, input);
  await reserve("reset-request", email, ip, "Too many reset requests.");
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, disabled: true, passwordHash: true },
  });
  if (user && !user.disabled) {
    const token = await db.$transaction(async (tx) => {
      const raw = await issueResetToken(tx, user, null, now);
      await recordAudit(tx, { actorId: null, action: "user.passwordResetRequested", entityType: "User", entityId: user.id });
      return raw;
    });
    mailResetLinkInBackground(user, token);
  }
  await sleep(Math.max(0, RESET_REQUEST_MIN_MS - (Date.now() - started)));
  return { message: RESET_REQUESTED };
}

/** Whether a reset link can still be used (for the reset page, before a password is typed). */
export async function checkResetToken(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const usable = await findUsableResetToken(db, token, now);
  return usable ? { email: usable.user.email } : null;
}

/**
 * Sets a new password through a reset link (anyone holding one): the link is used up, every other
 * link of the account ends, every session of the account ends, a temporary password's flag
 * clears, and the account's sign-in lock lifts (holding the mailbox proves as much as the
 * password). When the site sends mail, the account's address is told that the password changed,
 * and through whose link. Throttled like sign-in, per account and per client address.
 */
export async function resetPasswordWithToken(input: z.input<typeof resetPasswordSchema>, ip: string | null, now = new Date()) {
  const data = parseOrThrow(resetPasswordSchema, input);
  const found = await findUsableResetToken(db, data.token, now);
  const { attemptId } = await reserve(
    "reset",
    found ? found.user.email : `unknown:${hashResetToken(data.token).slice(0, 16)}`,
    ip,
    "Too many attempts.",
  );
  if (!found) throw new AppError("invalid", RESET_LINK_UNUSABLE);
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    // Checked again inside the write: two submissions of one link, one wins.
    const still = await findUsableResetToken(tx, data.token, now);
    const used = still ? await tx.passwordResetToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } }) : null;
    if (!used?.count) throw new AppError("invalid", RESET_LINK_UNUSABLE);
    await tx.passwordResetToken.updateMany({ where: { userId: found.user.id, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({
      where: { id: found.user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await clearLoginFailures(tx, found.user.email);
    await recordAudit(tx, { actorId: found.user.id, action: "user.passwordReset", entityType: "User", entityId: found.user.id });
  });
  await confirmLoginAttempt(attemptId);
  if (mailConfigured()) mailPasswordChangedInBackground(found.user, found.requestedById);
  return { email: found.user.email };
}

/** The account an admin resets from the users screen: it exists and is not disabled. */
async function resetTarget(viewer: Viewer, input: z.input<typeof sendResetLinkSchema>) {
  const { userId } = parseOrThrow(sendResetLinkSchema, input);
  assertUserChange(viewer, userId, "resetAccess");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, disabled: true, passwordHash: true },
  });
  if (!user) throw new AppError("not_found", "That user no longer exists.");
  if (user.disabled) throw new AppError("invalid", "This account is disabled. Re-enable it before resetting its password.");
  return user;
}

/** Sends a user a reset link from the users screen (admins); the admin is told if the mail fails. */
export async function sendResetLinkByAdmin(viewer: Viewer, input: z.input<typeof sendResetLinkSchema>, now = new Date()) {
  if (!mailConfigured()) throw new AppError("invalid", "This site cannot send mail (DATELINE_SMTP_URL is not set), so no link was sent.");
  const user = await resetTarget(viewer, input);
  const token = await db.$transaction(async (tx) => {
    const raw = await issueResetToken(tx, user, viewer.id, now);
    await recordAudit(tx, { actorId: viewer.id, action: "user.passwordResetSent", entityType: "User", entityId: user.id });
    return raw;
  });
  try {
    await mailResetLink(user, token, viewer.name);
  } catch (error) {
    // A link nobody received must not stay usable.
    await db.passwordResetToken.updateMany({ where: { tokenHash: hashResetToken(token) }, data: { usedAt: new Date() } });
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("invalid", `The mail server did not take the message (${reason.slice(0, 200)}). No link was sent; try again.`);
  }
  return { email: user.email };
}

/**
 * Makes a reset link for the admin to hand over (in person, by phone or chat): the way to reset a
 * password on a site that cannot send mail, or for someone who cannot read theirs. The same
 * single-use, one-hour token as a mailed link, ending any older one; the admin never learns the
 * password the user chooses.
 */
export async function makeResetLinkByAdmin(viewer: Viewer, input: z.input<typeof sendResetLinkSchema>, now = new Date()) {
  const user = await resetTarget(viewer, input);
  const token = await db.$transaction(async (tx) => {
    const raw = await issueResetToken(tx, user, viewer.id, now);
    await recordAudit(tx, { actorId: viewer.id, action: "user.passwordResetLinkMade", entityType: "User", entityId: user.id });
    return raw;
  });
  return { url: resetLinkUrl(token), minutes: Math.round(RESET_TOKEN_TTL_MS / 60_000) };
}
