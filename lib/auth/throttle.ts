import { db, type Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { STRANGER } from "./device";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_MAX_FAILURES = 5;

/** "5 minutes", "1 minute". */
const minutesWord = (minutes: number) => `${minutes} minute${minutes === 1 ? "" : "s"}`;

/**
 * "Try again in 15 minutes.", and for a stranger to a locked account (`strangers`) the ways in
 * besides waiting: a browser that has signed in to it still may, and an admin can lift the lock.
 */
export function tryAgainIn(minutes: number, strangers = false): string {
  return strangers
    ? `Try again in ${minutesWord(minutes)}, sign in from a browser you have signed in with before, or ask an administrator to lift the lock.`
    : `Try again in ${minutesWord(minutes)}.`;
}

/**
 * The refusal of an attempt, in the words the sign-in form shows: `minutes` until the next one may
 * be made; `strangers` when it is the account's lock for browsers that have not signed in to it.
 */
export class SignInLocked extends AppError {
  constructor(
    readonly minutes: number,
    readonly strangers: boolean,
  ) {
    super("locked", `Too many failed sign-in attempts. ${tryAgainIn(minutes, strangers)}`);
  }
}

/** Who is trying: the client's address (null when none is trusted) and its device (lib/auth/device.ts). */
export type SignInClient = { ip: string | null; device: string };

/**
 * The device of a password check made inside a session (changing the password, turning on
 * two-factor): the account's own person, counted apart from strangers like a known browser.
 */
export const SIGNED_IN = "session";

const windowStart = (now: Date) => new Date(now.getTime() - THROTTLE_WINDOW_MS);

/*
 * Five failed password checks for one account within fifteen minutes lock further attempts until
 * the oldest of those failures leaves the window. They are counted apart for each browser that
 * has signed in to the account before (its device token), for checks inside a session, and
 * together for every other browser: strangers who fail five times lock out strangers, not the
 * account's own browsers. A success clears the count it was made in (a known browser's sign-in
 * does not give strangers five more guesses); an admin's lift and a password reset clear them all
 * (clearLoginFailures). Two bounded reads, whatever the attempts stored.
 */
async function accountUnlockAt(client: Pick<Tx, "loginAttempt">, email: string, device: string, now: Date): Promise<Date | null> {
  const since = windowStart(now);
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { email, device, success: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return unlockAfterFifth(client, { email, device }, lastSuccess?.createdAt ?? since);
}

/** Until when strangers' failures from an address (`ip` as stored: `2fa:<ip>` for codes), at any accounts, lock it. */
const addressUnlockAt = (client: Pick<Tx, "loginAttempt">, ip: string, now: Date) =>
  unlockAfterFifth(client, { ip, device: STRANGER }, windowStart(now));

/** Until when the failures matching `where` since `since` lock further attempts (five of them), or null. One bounded read. */
async function unlockAfterFifth(client: Pick<Tx, "loginAttempt">, where: Prisma.LoginAttemptWhereInput, since: Date): Promise<Date | null> {
  const failures = await client.loginAttempt.findMany({
    where: { ...where, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: THROTTLE_MAX_FAILURES,
    select: { createdAt: true },
  });
  return failures.length < THROTTLE_MAX_FAILURES
    ? null
    : new Date(failures[THROTTLE_MAX_FAILURES - 1]!.createdAt.getTime() + THROTTLE_WINDOW_MS);
}

/*
 * The account's lock (above), and, for a stranger, its address's: five strangers' failures from
 * one address within the window, at any accounts, lock that address (an account's own browsers'
 * typos do not count against the colleagues behind the same NAT). Without a known client address
 * (`ip` null: plain `next start`, see client-ip.ts) only the account counts.
 */
async function lockState(client: Pick<Tx, "loginAttempt">, email: string, who: SignInClient, now: Date) {
  const accountUnlock = await accountUnlockAt(client, email, who.device, now);
  const addressUnlock = who.ip && who.device === STRANGER ? await addressUnlockAt(client, who.ip, now) : null;
  const unlockAt = Math.max(accountUnlock?.getTime() ?? 0, addressUnlock?.getTime() ?? 0);
  if (!unlockAt) return null;
  return new SignInLocked(Math.ceil(Math.max(unlockAt - now.getTime(), 1000) / 60_000), !!accountUnlock && who.device === STRANGER);
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
    const locked = await lockState(tx, email, who, now);
    if (locked) return { locked };
    const attempt = await tx.loginAttempt.create({
      data: { email, ip: who.ip ?? "", device: who.device, success: false, createdAt: now },
      select: { id: true },
    });
    return { attemptId: attempt.id };
  });
  if ("locked" in result) throw result.locked;
  return { attemptId: result.attemptId };
}

/**
 * Marks a reserved attempt as a success (the password or code was right), which clears the count
 * it was made in. An admin's lift in between has deleted it: nothing to mark, and no error for a
 * person who typed the right password.
 */
export async function confirmLoginAttempt(attemptId: string) {
  await db.loginAttempt.updateMany({ where: { id: attemptId }, data: { success: true } });
}

/** The key two-factor codes are counted under (an account's, or an address's): apart from passwords. */
export const codeAttemptKey = (key: string) => `2fa:${key}`;

/**
 * Until when strangers' failed passwords or two-factor codes lock each of these accounts (the
 * users screen), for those locked now.
 */
export async function signInLocks(emails: string[], now = new Date(), client: Pick<Tx, "loginAttempt"> = db): Promise<Map<string, Date>> {
  const keys = new Map(emails.flatMap((email) => [[email, email] as const, [codeAttemptKey(email), email] as const]));
  const counted = await client.loginAttempt.groupBy({
    by: ["email"],
    where: { email: { in: [...keys.keys()] }, device: STRANGER, success: false, createdAt: { gt: windowStart(now) } },
    _count: { _all: true },
  });
  const locks = new Map<string, Date>();
  for (const { email: key } of counted.filter((c) => c._count._all >= THROTTLE_MAX_FAILURES)) {
    const unlockAt = await accountUnlockAt(client, key, STRANGER, now);
    const email = keys.get(key)!;
    if (unlockAt && unlockAt > (locks.get(email) ?? 0)) locks.set(email, unlockAt);
  }
  return locks;
}

/**
 * Forgets an account's failed passwords and two-factor codes, from every browser and address: an
 * admin lifting its lock, or its password reset through a link. Its address locks lose them too,
 * so the person locked out by their own typos on a new browser can sign in at once. An address
 * that strangers' failures at other accounts lock stays locked: that lock is not the account's.
 */
export async function clearLoginFailures(tx: Pick<Tx, "loginAttempt">, email: string) {
  await tx.loginAttempt.deleteMany({ where: { email: { in: [email, codeAttemptKey(email)] }, success: false } });
}

/** Forgets attempts older than a day; run by the sign-in path now and then. */
export async function pruneLoginAttempts(now = new Date()) {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
}
