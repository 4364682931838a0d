import { z } from "zod";
import { db, type Tx } from "../db";
import { recordAudit } from "../audit/mutations";
import { generatePassword } from "../auth/password";
import { clearLoginFailures, signInLocks } from "../auth/throttle";
import { assertPermission, type Viewer } from "../auth/viewer";
import { assertUserChange, type UserAction } from "./policy";
import { AppError } from "../errors";
import { createUserWithPassword } from "./mutations";
import type { changeRoleSchema, createUserSchema, liftLockSchema, linkAuthorSchema, setDisabledSchema } from "./schema";

/** All users for the admin list, by name, with until when strangers' failed passwords or codes lock each (`lockedUntil`, null when not) (admins). */
export async function listUsers(viewer: Viewer) {
  assertPermission(viewer, "user.manage");
  const users = await db.user.findMany({
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      mustChangePassword: true,
      lastLoginAt: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      twoFactor: { select: { enabledAt: true } },
    },
    orderBy: [{ disabled: "asc" }, { name: "asc" }],
  });
  const locks = await signInLocks(users.map((u) => u.email));
  return users.map((u) => ({ ...u, lockedUntil: locks.get(u.email) ?? null }));
}

/**
 * Lets a locked account sign in again from any browser at once: its failed passwords and codes are
 * forgotten, from its addresses' counts too (clearLoginFailures, lib/auth/throttle.ts) (admins).
 * `lifted` says whether strangers' failures locked it (the lock the users screen shows, asked of
 * the same rule), and only then is the lift audited: a lock that had ended in the meantime is not.
 */
export async function liftSignInLock(viewer: Viewer, input: z.output<typeof liftLockSchema>) {
  assertUserChange(viewer, input.userId, "liftLock");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    if (!user) throw new AppError("not_found", "That user no longer exists.");
    const locked = (await signInLocks([user.email], new Date(), tx)).has(user.email);
    await clearLoginFailures(tx, user.email);
    if (locked) await recordAudit(tx, { actorId: viewer.id, action: "user.unlock", entityType: "User", entityId: input.userId });
    return { lifted: locked };
  });
}

/** Creates a user with a temporary password, returned once to show to the admin (admins). */
export async function createUserByAdmin(viewer: Viewer, input: z.output<typeof createUserSchema>) {
  assertUserChange(viewer, null, "create");
  const temporaryPassword = generatePassword();
  const user = await createUserWithPassword(viewer.id, { ...input, password: temporaryPassword, mustChangePassword: true });
  return { ...user, temporaryPassword };
}

/**
 * Loads the user an admin is changing, refusing the admin's own account: an admin never changes
 * their own role or access, so the one making the change always remains an active admin.
 */
async function loadOtherUser(tx: Tx, viewer: Viewer, userId: string, action: UserAction) {
  assertUserChange(viewer, userId, action);
  const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true } });
  if (!target) throw new AppError("not_found", "That user no longer exists.");
  return target;
}

/** Changes a user's role; their sessions end at their next request (admins). */
export async function changeUserRole(viewer: Viewer, input: z.output<typeof changeRoleSchema>) {
  return db.$transaction(async (tx) => {
    const target = await loadOtherUser(tx, viewer, input.userId, "changeRole");
    if (target.role === input.role) return { changed: false };
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.role",
      entityType: "User",
      entityId: input.userId,
      data: { from: target.role, to: input.role },
    });
    return { changed: true };
  });
}

/** Disables or re-enables a user; disabling ends their sessions at once (admins). */
export async function setUserDisabled(viewer: Viewer, input: z.output<typeof setDisabledSchema>) {
  return db.$transaction(async (tx) => {
    await loadOtherUser(tx, viewer, input.userId, input.disabled ? "disable" : "enable");
    await tx.user.update({ where: { id: input.userId }, data: { disabled: input.disabled, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: input.userId,
    });
    return { disabled: input.disabled };
  });
}

/** Links a user to their byline, or unlinks with authorId null (admins). */
export async function linkUserAuthor(viewer: Viewer, input: z.output<typeof linkAuthorSchema>) {
  assertUserChange(viewer, input.userId, "linkByline");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new AppError("not_found", "That user no longer exists.");
    await tx.author.updateMany({ where: { userId: input.userId }, data: { userId: null } });
    if (input.authorId) {
      const author = await tx.author.findUnique({ where: { id: input.authorId }, select: { userId: true } });
      if (!author) throw new AppError("invalid", "That byline no longer exists.", { authorId: ["That byline no longer exists."] });
      if (author.userId && author.userId !== input.userId) {
        throw new AppError("conflict", "That byline is already linked to another user.", {
          authorId: ["That byline is already linked to another user."],
        });
      }
      await tx.author.update({ where: { id: input.authorId }, data: { userId: input.userId } });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.linkAuthor",
      entityType: "User",
      entityId: input.userId,
      data: { authorId: input.authorId },
    });
    return { authorId: input.authorId };
  });
}
