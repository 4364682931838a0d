import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { hashPassword } from "../auth/password";
import { parseOrThrow, AppError } from "../errors";
import { createUserSchema, newPasswordSchema, type CreateUserInput } from "./schema";

/**
 * Creates a user with a password. Used by admins (through lib/users/admin.ts), the
 * seed and `npm run user:create`; `actorId` is null for the command line.
 */
export async function createUserWithPassword(
  actorId: string | null,
  input: CreateUserInput & { password: string; mustChangePassword?: boolean },
) {
  const data = parseOrThrow(createUserSchema, input);
  const password = parseOrThrow(newPasswordSchema, input.password);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing)
      throw new AppError("conflict", "A user with this email already exists.", { email: ["A user with this email already exists."] });
    const user = await tx.user.create({
      data: { ...data, passwordHash, mustChangePassword: input.mustChangePassword ?? false },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      data: { email: user.email, role: user.role },
    });
    return user;
  });
}
