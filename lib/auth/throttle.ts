import { db, type Tx } from "../db";
import { AppError } from "../errors";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_MAX_FAILURES = 5;

/** "5 minutes", "1 minute". */
export const minutesWord = (minutes: number) => `${minutes} minute${minutes === 1 ? "" : "s"}`;

/**
 * The refusal of an attempt: `minutes` until the next one may be made; `strangers` when it is the
 * account's lock for browsers that have not signed in to it (one that has still may).
 */
export class SignInLocked extends AppError {
  constructor(
    readonly minutes: number,
    readonly strangers: boolean,
  ) {
    super("locked", `Too many failed sign-in attempts. Try again in ${minutesWord(minutes)}.`);
  }
}

type ThrottleState = { locked: false } | { locked: true; retryAfterMs: number; account: boolean };

/** Who is trying: the client's address (null when none is trusted) and its device token for the account ("" for none: lib/auth/device.ts). */
export type SignInClient = { ip: string | null; device: string };

/**
 * The device of a password check made inside a session (changing the password, turning on
 * two-factor): the account's own person, counted apart from strangers like a known browser.
 */
export const SIGNED_IN = "session";

type Attempt = { success: boolean; device: string; createdAt: Date };

/*
 * Five failed password checks for one account within fifteen minutes lock further attempts until
 * the oldest of those failures leaves the window. They are counted apart for each browser that
 * has signed in to the account before (its device token) and together for every other browser:
 * strangers who fail five times lock out strangers, not the account's own browsers. A sign-in
 * that succeeds, or an admin lifting the lock (liftSignInLock), clears the account's counts.
 * `attempts`: the account's attempts within the window.
 */
export function accountUnlockAt(attempts: Attempt[], device: string, now: Date): Date | null {
  const since = now.getTime() - THROTTLE_WINDOW_MS;
  const cleared = Math.max(since, ...attempts.filter((a) => a.success).map((a) => a.createdAt.getTime()));
  const failures = attempts
    .filter((a) => !a.success && a.device === device && a.createdAt.getTime() > cleared)
    .map((a) => a.createdAt.getTime())
    .sort((a, b) => b - a);
  return failures.length < THROTTLE_MAX_FAILURES ? null : new Date(failures[THROTTLE_MAX_FAILURES - 1]! + THROTTLE_WINDOW_MS);
}

const windowStart = (now: Date) => new Date(now.getTime() - THROTTLE_WINDOW_MS);
const ATTEMPT = { email: true, success: true, device: true, createdAt: true } as const;

/*
 * The account's lock (above), and, for a browser without a device token, its address's: five
 * failures from one address within the window, at any accounts, lock that address. Without a
 * known client address (`ip` null: plain `next start`, see client-ip.ts) only the account counts.
 */
async function lockState(client: Pick<Tx, "loginAttempt">, email: string, who: SignInClient, now: Date): Promise<ThrottleState> {
  const since = windowStart(now);
  const attempts = await client.loginAttempt.findMany({ where: { email, createdAt: { gt: since } }, select: ATTEMPT });
  const accountUnlock = accountUnlockAt(attempts, who.device, now);
  let unlockAt = accountUnlock?.getTime() ?? 0;
  if (who.ip && !who.device) {
    const fromAddress = await client.loginAttempt.findMany({
      where: { ip: who.ip, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: THROTTLE_MAX_FAILURES,
      select: { createdAt: true },
    });
    if (fromAddress.length >= THROTTLE_MAX_FAILURES) {
      unlockAt = Math.max(unlockAt, fromAddress[THROTTLE_MAX_FAILURES - 1]!.createdAt.getTime() + THROTTLE_WINDOW_MS);
    }
  }
  if (!unlockAt) return { locked: false };
  return { locked: true, retryAfterMs: Math.max(unlockAt - now.getTime(), 1000), account: !!accountUnlock && !who.device };
}

/**
 * Takes one of the window's attempts before the password is checked: in one write transaction
 * (BEGIN IMMEDIATE, so simultaneous attempts, from this process or another, queue here) it
 * refuses a locked account or address, or records the attempt as a failure. The caller checks
 * the password afterwards and calls `confirmLoginAttempt` when it was right. So a hundred
 * simultaneous guesses get exactly five checks, not as many as arrive before the first failure
 * is written. Throws SignInLocked.
 */
export async function reserveLoginAttempt(email: string, who: SignInClient, now = new Date()): Promise<{ attemptId: string }> {
  const result = await db.$transaction(async (tx) => {
    const state = await lockState(tx, email, who, now);
    if (state.locked) return state;
    const attempt = await tx.loginAttempt.create({
      data: { email, ip: who.ip ?? "", device: who.device, success: false, createdAt: now },
      select: { id: true },
    });
    return { locked: false as const, attemptId: attempt.id };
  });
  if (result.locked) throw new SignInLocked(Math.ceil(result.retryAfterMs / 60_000), result.account);
  return { attemptId: result.attemptId };
}

/** Marks a reserved attempt as a success (the password was right), which clears the account's counts. */
export async function confirmLoginAttempt(attemptId: string) {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/** Until when strangers' failures lock each of these accounts (the users screen), for those locked now. */
export async function signInLocks(emails: string[], now = new Date()): Promise<Map<string, Date>> {
  const attempts = await db.loginAttempt.findMany({
    where: { email: { in: emails }, createdAt: { gt: windowStart(now) } },
    select: ATTEMPT,
  });
  const locks = new Map<string, Date>();
  for (const email of new Set(attempts.map((a) => a.email))) {
    const unlockAt = accountUnlockAt(
      attempts.filter((a) => a.email === email),
      "",
      now,
    );
    if (unlockAt) locks.set(email, unlockAt);
  }
  return locks;
}

/** Clears an account's failed sign-ins, as a successful sign-in does: written as a success with no address (lib/users/admin.ts). */
export async function clearLoginFailures(tx: Pick<Tx, "loginAttempt">, email: string, now = new Date()) {
  await tx.loginAttempt.create({ data: { email, ip: "", device: "", success: true, createdAt: now } });
}

/** Forgets attempts older than a day; run by the sign-in path now and then. */
export async function pruneLoginAttempts(now = new Date()) {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
}
