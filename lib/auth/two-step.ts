import { db } from "../db";
import { AppError } from "../errors";
import { log } from "../log";
import { readPendingSignIn, signPendingSignIn } from "../two-factor/crypto";
import { verifySecondFactor } from "../two-factor/sign-in";
import { deviceFor } from "./device";
import { authenticate, recordSignIn, signedIn, type AuthenticatedUser, type SignInFrom } from "./login";

/** Starts the error next-auth hands back when a password was right and a code is needed next. */
export const SECOND_FACTOR_PREFIX = "TWO_FACTOR:";
export const PENDING_EXPIRED = "That sign-in took too long. Enter your email and password again.";

type Credentials = Record<"email" | "password" | "pending" | "code", string> | undefined;

/**
 * One step of signing in. With email and password: the user, or (two-factor on) a thrown
 * `SECOND_FACTOR_PREFIX + pending token` that the form trades, with a code, for the session.
 * With a pending token and a code: the user once the code is right. The token is signed, lasts
 * five minutes and names the session version, so a password change or sign-out ends it.
 */
export async function signInStep(credentials: Credentials, from: SignInFrom): Promise<AuthenticatedUser> {
  if (credentials?.pending) {
    const pending = readPendingSignIn(credentials.pending);
    if (!pending) throw new AppError("unauthorized", PENDING_EXPIRED);
    const user = await db.user.findUnique({
      where: { id: pending.userId },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        disabled: true,
        sessionVersion: true,
        passwordHash: true,
        twoFactor: { select: { enabledAt: true } },
      },
    });
    if (!user || user.disabled || user.sessionVersion !== pending.sessionVersion || !user.twoFactor?.enabledAt) {
      throw new AppError("unauthorized", PENDING_EXPIRED);
    }
    // Codes are counted like passwords: a browser that has signed in before apart from strangers.
    await verifySecondFactor(user, credentials.code, { ip: from.ip, device: deviceFor(from.deviceCookie, user) });
    await recordSignIn(user.id);
    return signedIn(user, from);
  }
  const user = await authenticate(credentials?.email, credentials?.password, from);
  const twoFactor = await db.twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
  // The password alone does not sign in an account with two-factor on, nor count as its last sign-in.
  if (twoFactor?.enabledAt) throw new AppError("unauthorized", `${SECOND_FACTOR_PREFIX}${signPendingSignIn(user.id, user.sessionVersion)}`);
  await recordSignIn(user.id);
  return user;
}

/** What the sign-in form says when the failure is the server's (a database that refuses writes, or is down). */
export const SIGN_IN_UNAVAILABLE =
  "Signing in is not possible right now: the server could not use its database. Try again in a few minutes, and tell your administrator if it goes on.";

/**
 * signInStep for the sign-in form (next-auth hands a thrown message back to it): the user's own
 * mistakes in our words, and anything else as one sentence, logged (the form showed SQLite's
 * "disk I/O error", and nothing was logged).
 */
export async function signInForForm(credentials: Credentials, from: SignInFrom): Promise<AuthenticatedUser> {
  try {
    return await signInStep(credentials, from);
  } catch (error) {
    if (error instanceof AppError && !["busy", "storage_full", "unavailable"].includes(error.code)) throw new Error(error.message);
    log("error", "sign-in failed on the server's side", { error: String((error as Error)?.stack ?? error).slice(0, 2000) });
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}
