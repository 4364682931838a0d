import { db } from "../db";
import { env } from "../env";
import { mustEnrolTwoFactor } from "../two-factor/queries";
import type { Viewer } from "./viewer";

/** How long a sign-in lasts, counted from the moment of signing in (DATELINE_SESSION_HOURS). */
export const SESSION_MAX_AGE_SECONDS = env.DATELINE_SESSION_HOURS * 3600;

/** What a session token carries about its user: id, session version and sign-in time (seconds). */
export type SessionClaims = { id: string; sv: number; signedInAt?: number };

/**
 * Whether a sign-in time is still inside the session's absolute lifetime. next-auth slides the
 * cookie's own expiry forward on every use, so this is what ends a session that is kept busy.
 * A token without one (issued before the lifetime was enforced) or from the future is refused.
 */
export function signInStillValid(signedInAt: number | undefined, now = Date.now()): boolean {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return false;
  const age = now / 1000 - signedInAt;
  return age >= -60 && age < SESSION_MAX_AGE_SECONDS;
}

/**
 * The Viewer a session token stands for, read fresh from the database: null when the sign-in is
 * older than the session lifetime, when the user is gone or disabled, or when their session
 * version moved on (sign-out everywhere, password change, role change, disable) since the token
 * was issued.
 */
export async function resolveSessionUser(token: SessionClaims | null | undefined, now = Date.now()): Promise<Viewer | null> {
  if (!token?.id || !signInStillValid(token.signedInAt, now)) return null;
  const user = await db.user.findUnique({
    where: { id: token.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      sessionVersion: true,
      mustChangePassword: true,
      twoFactor: { select: { enabledAt: true } },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== token.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    mustEnrolTwoFactor: await mustEnrolTwoFactor(user.role, !!user.twoFactor?.enabledAt),
  };
}
