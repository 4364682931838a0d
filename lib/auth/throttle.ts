import { db, type Tx } from "../db";
import { AppError } from "../errors";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_MAX_FAILURES = 5;

type ThrottleState = { locked: false } | { locked: true; retryAfterMs: number };

/*
 * Five failed password checks for one account, or from one client address, within fifteen
 * minutes lock further attempts until the oldest of those failures leaves the window.
 * A successful sign-in clears the account's count. Without a known client address (`ip` null:
 * plain `next start`, see client-ip.ts) only the account is counted.
 */
async function lockState(client: Pick<Tx, "loginAttempt">, email: string, ip: string | null, now: Date): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess ? lastSuccess.createdAt : since;
  // The newest five failures of each kind: five of them lock, and the fifth newest leaving the window unlocks.
  const recent = (where: { email?: string; ip?: string; createdAt: { gt: Date } }) =>
    client.loginAttempt.findMany({
      where: { ...where, success: false },
      orderBy: { createdAt: "desc" },
      take: THROTTLE_MAX_FAILURES,
      select: { createdAt: true },
    });
  const lists = [await recent({ email, createdAt: { gt: accountSince } })];
  if (ip) lists.push(await recent({ ip, createdAt: { gt: since } }));
  const blocking = lists.filter((f) => f.length >= THROTTLE_MAX_FAILURES);
  if (blocking.length === 0) return { locked: false };
  const unlockAt = Math.max(...blocking.map((f) => f[THROTTLE_MAX_FAILURES - 1]!.createdAt.getTime() + THROTTLE_WINDOW_MS));
  return { locked: true, retryAfterMs: Math.max(unlockAt - now.getTime(), 1000) };
}

/**
 * Takes one of the window's attempts before the password is checked: in one write transaction
 * (BEGIN IMMEDIATE, so simultaneous attempts, from this process or another, queue here) it
 * refuses a locked account or address, or records the attempt as a failure. The caller checks
 * the password afterwards and calls `confirmLoginAttempt` when it was right. So a hundred
 * simultaneous guesses get exactly five checks, not as many as arrive before the first failure
 * is written. Throws the `locked` AppError.
 */
export async function reserveLoginAttempt(email: string, ip: string | null, now = new Date()): Promise<{ attemptId: string }> {
  const result = await db.$transaction(async (tx) => {
    const state = await lockState(tx, email, ip, now);
    if (state.locked) return state;
    const attempt = await tx.loginAttempt.create({ data: { email, ip: ip ?? "", success: false, createdAt: now }, select: { id: true } });
    return { locked: false as const, attemptId: attempt.id };
  });
  if (result.locked) {
    const minutes = Math.ceil(result.retryAfterMs / 60_000);
    throw new AppError("locked", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  return { attemptId: result.attemptId };
}

/** Marks a reserved attempt as a success (the password was right), which clears the account's count. */
export async function confirmLoginAttempt(attemptId: string) {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/** Forgets attempts older than a day; run by the sign-in path now and then. */
export async function pruneLoginAttempts(now = new Date()) {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
}
