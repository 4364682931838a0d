import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { hashPassword } from "../auth/password";
import { AppError, parseOrThrow } from "../errors";
import { emailSchema, newPasswordSchema } from "./schema";

/** Sets a new password from the server's command line (operators only); ends the user's sessions. */
export async function resetPasswordFromCli(rawEmail: string, rawPassword: string) {
  const email = parseOrThrow(emailSchema, rawEmail);
  const password = parseOrThrow(newPasswordSchema, rawPassword);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new AppError("not_found", `No user has the email ${email}.`);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: null, action: "user.password.cli", entityType: "User", entityId: user.id });
  });
}
