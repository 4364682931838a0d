import { db } from "../db";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_MAX_FAILURES = 5;

export type ThrottleState = { locked: false } | { locked: true; retryAfterMs: number };

/**
 * Five failed sign-ins for one account, or from one client address, within fifteen
 * minutes lock further attempts until the oldest of those failures leaves the window.
 * A successful sign-in clears the account's count.
 */
export async function checkLoginThrottle(email: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [byAccount, byIp] = await Promise.all([
    failures({ email, createdAt: { gt: accountSince } }),
    failures({ ip, createdAt: { gt: since } }),
  ]);
  const blocking = [byAccount, byIp].filter((f) => f.length >= THROTTLE_MAX_FAILURES);
  if (blocking.length === 0) return { locked: false };
  // The lock lifts when the oldest failure that still counts falls out of the window.
  const unlockAt = Math.max(...blocking.map((f) => f[f.length - THROTTLE_MAX_FAILURES]!.createdAt.getTime() + THROTTLE_WINDOW_MS));
  return { locked: true, retryAfterMs: Math.max(unlockAt - now.getTime(), 1000) };
}

function failures(where: { email?: string; ip?: string; createdAt: { gt: Date } }) {
  return db.loginAttempt.findMany({
    where: { ...where, success: false },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean, now = new Date()) {
  await db.loginAttempt.create({ data: { email, ip, success, createdAt: now } });
}

/** Forgets attempts older than a day; run by the sign-in path now and then. */
export async function pruneLoginAttempts(now = new Date()) {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
}
