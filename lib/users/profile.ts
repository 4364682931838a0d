import { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { hashPassword, verifyPassword } from "../auth/password";
import { confirmLoginAttempt, reserveLoginAttempt, SIGNED_IN } from "../auth/throttle";
import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import type { changePasswordSchema } from "./schema";

/** The signed-in user's own profile. */
export function getProfile(viewer: Viewer) {
  return db.user.findUnique({
    where: { id: viewer.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      lastLoginAt: true,
      mustChangePassword: true,
      author: { select: { name: true, slug: true } },
    },
  });
}

/**
 * Changes the viewer's own password (current one required); every session of theirs then ends
 * and a temporary password's flag clears. Checking the current password counts as a sign-in
 * attempt for the account and the client address (`ip`, null when unknown), so a stolen session
 * cannot guess it faster than the sign-in form allows. Throws `locked` or `invalid`.
 */
export async function changePassword(viewer: Viewer, input: z.output<typeof changePasswordSchema>, ip: string | null) {
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("not_found", "Your account no longer exists.");
  const { attemptId } = await reserveLoginAttempt(user.email, { ip, device: SIGNED_IN });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("invalid", "Your current password is not right.", { currentPassword: ["Your current password is not right."] });
  }
  await confirmLoginAttempt(attemptId);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.id }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.password", entityType: "User", entityId: viewer.id });
  });
  return { signedOut: true };
}
