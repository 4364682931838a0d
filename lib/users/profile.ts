import { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import type { changePasswordSchema } from "./schema";

/** The signed-in user's own profile. */
export function getProfile(viewer: Viewer) {
  return db.user.findUnique({
    where: { id: viewer.id },
    select: { id: true, email: true, name: true, role: true, lastLoginAt: true, mustChangePassword: true, author: { select: { name: true, slug: true } } },
  });
}

/** Changes the viewer's own password (current one required); every session of theirs then ends. */
export async function changePassword(viewer: Viewer, input: z.output<typeof changePasswordSchema>) {
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("invalid", "Your current password is not right.", { currentPassword: ["Your current password is not right."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.id }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.password", entityType: "User", entityId: viewer.id });
  });
  return { signedOut: true };
}
