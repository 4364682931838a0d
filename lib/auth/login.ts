import { db } from "../db";
import { AppError } from "../errors";
import { emailSchema } from "../users/schema";
import { hashPassword, verifyPassword } from "./password";
import { checkLoginThrottle, pruneLoginAttempts, recordLoginAttempt } from "./throttle";

/** One message for an unknown email, a wrong password and a disabled account: no account enumeration. */
export const INVALID_LOGIN = "That email and password do not match an active account.";

let dummyHash: Promise<string> | undefined;
// Verifying against a real hash when the account is missing keeps both paths equally slow.
const getDummyHash = () => (dummyHash ??= hashPassword("dateline-timing-equaliser-not-a-password"));

export type AuthenticatedUser = { id: string; email: string; name: string; role: string; sessionVersion: number };

/** Checks an email and password, with throttling. Throws `locked` or `unauthorized` AppErrors. */
export async function authenticate(rawEmail: unknown, password: unknown, ip: string, now = new Date()): Promise<AuthenticatedUser> {
  const parsedEmail = emailSchema.safeParse(rawEmail);
  const email = parsedEmail.success ? parsedEmail.data : String(rawEmail ?? "").slice(0, 254).toLowerCase();
  const throttle = await checkLoginThrottle(email, ip, now);
  if (throttle.locked) {
    const minutes = Math.ceil(throttle.retryAfterMs / 60_000);
    throw new AppError("locked", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = parsedEmail.success
    ? await db.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, passwordHash: true },
      })
    : null;
  const candidate = typeof password === "string" ? password.slice(0, 200) : "";
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), candidate);
  if (!user || !valid || user.disabled) {
    await recordLoginAttempt(email, ip, false, now);
    throw new AppError("unauthorized", INVALID_LOGIN);
  }
  await recordLoginAttempt(email, ip, true, now);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  if (Math.random() < 0.02) await pruneLoginAttempts(now);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
