import { db } from "../db";
import { AppError } from "../errors";
import { emailSchema } from "../users/schema";
import { deviceFor, rememberDevice } from "./device";
import { hashPassword, verifyPassword } from "./password";
import { confirmLoginAttempt, pruneLoginAttempts, reserveLoginAttempt } from "./throttle";

/** One message for an unknown email, a wrong password and a disabled account: no account enumeration. */
export const INVALID_LOGIN = "That email and password do not match an active account.";

let dummyHash: Promise<string> | undefined;
// Verifying against a real hash when the account is missing keeps both paths equally slow.
const getDummyHash = () => (dummyHash ??= hashPassword("dateline-timing-equaliser-not-a-password"));

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
  /** The device cookie this browser keeps now that it has signed in to the account (device.ts). */
  deviceCookie: string;
};

/** Where a sign-in comes from: the client's address (null where none is trusted: client-ip.ts) and its device cookie (device.ts). */
export type SignInFrom = { ip: string | null; deviceCookie?: string | null };

/**
 * Checks an email and password, with throttling: the attempt is counted before the password is
 * checked (throttle.ts), for this browser alone when it has signed in to the account before.
 * Throws `locked` or `unauthorized` AppErrors.
 */
export async function authenticate(rawEmail: unknown, password: unknown, from: SignInFrom, now = new Date()): Promise<AuthenticatedUser> {
  const parsedEmail = emailSchema.safeParse(rawEmail);
  const email = parsedEmail.success
    ? parsedEmail.data
    : String(rawEmail ?? "")
        .slice(0, 254)
        .toLowerCase();
  const user = parsedEmail.success
    ? await db.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, passwordHash: true },
      })
    : null;
  // A device token counts only for the account's present password (device.ts), so the account is read first.
  const { attemptId } = await reserveLoginAttempt(email, { ip: from.ip, device: deviceFor(from.deviceCookie, user) }, now);
  const candidate = typeof password === "string" ? password.slice(0, 200) : "";
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), candidate);
  // The attempt stays recorded as a failure.
  if (!user || !valid || user.disabled) throw new AppError("unauthorized", INVALID_LOGIN);
  // The password was right; the sign-in is not done until any second factor is (recordSignIn).
  await confirmLoginAttempt(attemptId);
  if (Math.random() < 0.02) await pruneLoginAttempts(now);
  return signedIn(user, from);
}

/** The user of a sign-in whose password (and code, where asked) was right, and the device cookie its browser keeps. */
export const signedIn = (
  user: Omit<AuthenticatedUser, "deviceCookie"> & { passwordHash: string },
  from: SignInFrom,
): AuthenticatedUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  sessionVersion: user.sessionVersion,
  deviceCookie: rememberDevice(from.deviceCookie, user),
});

/** Notes a finished sign-in (the user list's "Last sign-in"): after the password, and the code when the account has two-factor on. */
export async function recordSignIn(userId: string, now = new Date()) {
  await db.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
}
