import { beforeAll, describe, expect, it } from "vitest";
import { db, isPostgres } from "../db";
import { AppError } from "../errors";
import { knownBrowserCookie, makeUser, TEST_PASSWORD, uid } from "../test/factories";
import { changeUserRole, liftSignInLock, listUsers, setUserDisabled } from "../users/admin";
import { changePassword } from "../users/profile";
import type { Viewer } from "./viewer";
import { assertPermission } from "./viewer";
import { authenticate, INVALID_LOGIN } from "./login";
import { resolveSessionUser } from "./session-user";
import { SIGN_IN_UNAVAILABLE, signInForForm, signInStep } from "./two-step";
import { confirmLoginAttempt, reserveLoginAttempt, THROTTLE_MAX_FAILURES, THROTTLE_WINDOW_MS } from "./throttle";

let admin: Viewer;
beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

/** A sign-in time of just now, in seconds (session tokens carry it). */
const now = () => Math.floor(Date.now() / 1000);
const ip = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("signing in", () => {
  it("accepts the right password and returns the session version", async () => {
    const user = await makeUser("WRITER");
    const result = await authenticate(user.email.toUpperCase(), TEST_PASSWORD, { ip: ip() });
    expect(result.id).toBe(user.id);
    expect(result.sessionVersion).toBe(0);
  });

  it("records the last sign-in when the sign-in is done, not for a wrong password", async () => {
    const user = await makeUser("WRITER");
    const lastSignIn = async () => (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true } })).lastLoginAt;
    await failure(signInStep({ email: user.email, password: "not-the-password", pending: "", code: "" }, { ip: ip() }));
    expect(await lastSignIn()).toBeNull();
    await signInStep({ email: user.email, password: TEST_PASSWORD, pending: "", code: "" }, { ip: ip() });
    expect(await lastSignIn()).not.toBeNull();
  });

  it("gives the same message for an unknown email and a wrong password", async () => {
    const user = await makeUser("WRITER");
    const unknown = await failure(authenticate(`nobody-${uid()}@test.dateline`, TEST_PASSWORD, { ip: ip() }));
    const wrong = await failure(authenticate(user.email, "not-the-password-at-all", { ip: ip() }));
    expect(unknown.message).toBe(INVALID_LOGIN);
    expect(wrong.message).toBe(INVALID_LOGIN);
    expect(unknown.code).toBe(wrong.code);
  });

  it("takes about as long for an unknown email as for a wrong password", async () => {
    // Three accounts, so no account reaches the throttle (whose refusal is quicker) during the samples.
    const users = [await makeUser("WRITER"), await makeUser("WRITER"), await makeUser("WRITER")];
    // The process's CPU time, argon2's threads included, not the clock's: the clock measured how
    // busy the machine was (a build beside the suite made the known path's median three times the
    // unknown's, both hashing). Without the dummy hash, the unknown path costs a fraction of it.
    const time = async (email: string) => {
      const start = process.cpuUsage();
      await authenticate(email, "wrong-password-here", { ip: ip() }).catch(() => {});
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    await time(`warm-${uid()}@test.dateline`); // warm the dummy hash
    // Interleaved samples and medians, so a busy machine does not decide the result.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await time(users[i % 3]!.email));
      unknown.push(await time(`ghost-${uid()}@test.dateline`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both verify an argon2id hash; neither path may be a fraction of the other.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(known)).toBeGreaterThan(median(unknown) * 0.5);
  });

  it("refuses a disabled user with the same message", async () => {
    const user = await makeUser("EDITOR");
    await setUserDisabled(admin, { userId: user.id, disabled: true });
    expect((await failure(authenticate(user.email, TEST_PASSWORD, { ip: ip() }))).message).toBe(INVALID_LOGIN);
  });
});

describe("throttling", () => {
  it(`locks one account after ${THROTTLE_MAX_FAILURES} failures, even with the right password, from any address`, async () => {
    const user = await makeUser("WRITER");
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await failure(authenticate(user.email, "wrong-password-x", { ip: ip() }));
    const locked = await failure(authenticate(user.email, TEST_PASSWORD, { ip: ip() }));
    expect(locked.code).toBe("locked");
    expect(locked.message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minutes?, sign in from a browser/);
  });

  it("locks one client address that tries many accounts", async () => {
    const address = ip();
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++)
      await failure(authenticate(`spray-${uid()}@test.dateline`, "password-guess-1", { ip: address }));
    const user = await makeUser("WRITER");
    expect((await failure(authenticate(user.email, TEST_PASSWORD, { ip: address }))).code).toBe("locked");
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: ip() })).id).toBe(user.id);
  });

  it("lifts the lock once the failures are older than the window", async () => {
    const user = await makeUser("WRITER");
    const past = new Date(Date.now() - 16 * 60_000);
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await failure(authenticate(user.email, "wrong-password-x", { ip: ip() }, past));
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: ip() })).id).toBe(user.id);
  });
});

describe("sessions follow the database", () => {
  it("refuses a demoted user's old session and gives the new role only after signing in again", async () => {
    const user = await makeUser("EDITOR");
    const token = { id: user.id, sv: 0, signedInAt: now() };
    const viewer = await resolveSessionUser(token);
    expect(viewer?.role).toBe("EDITOR");
    expect(() => assertPermission(viewer!, "article.publish")).not.toThrow();

    await changeUserRole(admin, { userId: user.id, role: "WRITER" });
    expect(await resolveSessionUser(token)).toBeNull();
    const fresh = await authenticate(user.email, TEST_PASSWORD, { ip: ip() });
    const demoted = await resolveSessionUser({ id: fresh.id, sv: fresh.sessionVersion, signedInAt: now() });
    expect(demoted?.role).toBe("WRITER");
    expect(() => assertPermission(demoted!, "article.publish")).toThrow(AppError);
  });

  it("refuses a disabled user's existing session", async () => {
    const user = await makeUser("WRITER");
    expect(await resolveSessionUser({ id: user.id, sv: 0, signedInAt: now() })).not.toBeNull();
    await setUserDisabled(admin, { userId: user.id, disabled: true });
    expect(await resolveSessionUser({ id: user.id, sv: 1, signedInAt: now() })).toBeNull();
    expect(await resolveSessionUser({ id: user.id, sv: 0, signedInAt: now() })).toBeNull();
  });

  it("does not let an admin demote or disable themselves", async () => {
    await expect(changeUserRole(admin, { userId: admin.id, role: "WRITER" })).rejects.toThrow(/your own account/);
    await expect(setUserDisabled(admin, { userId: admin.id, disabled: true })).rejects.toThrow(/your own account/);
    expect((await db.user.findUnique({ where: { id: admin.id } }))?.role).toBe("ADMIN");
  });

  it("refuses user management to an editor", async () => {
    const editor = await makeUser("EDITOR");
    const writer = await makeUser("WRITER");
    await expect(changeUserRole(editor, { userId: writer.id, role: "ADMIN" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("signing in while the database refuses writes", () => {
  // SQLite only: its write connection is made read-only (PRAGMA query_only), as a read-only or full disk would.
  it.skipIf(isPostgres)("says so in a sentence and logs it (the form showed SQLite's own error)", async () => {
    const user = await makeUser("EDITOR");
    await db.$queryRawUnsafe("PRAGMA query_only = ON");
    try {
      await expect(
        signInForForm({ email: user.email, password: TEST_PASSWORD, pending: "", code: "" }, { ip: "10.50.0.1" }),
      ).rejects.toThrow(SIGN_IN_UNAVAILABLE);
    } finally {
      await db.$queryRawUnsafe("PRAGMA query_only = OFF");
    }
    // A wrong password is still the user's own mistake, in our words.
    await expect(
      signInForForm({ email: user.email, password: "wrong password 123", pending: "", code: "" }, { ip: "10.50.0.1" }),
    ).rejects.toThrow(INVALID_LOGIN);
  });
});

describe("strangers' failures and the account's own browsers", () => {
  const strangersLock = async (email: string) => {
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await failure(authenticate(email, "a-stranger-guess", { ip: ip() }));
  };

  it("a browser that has signed in to the account before still signs in while strangers have locked it", async () => {
    const user = await makeUser("WRITER");
    const deviceCookie = await knownBrowserCookie(user);
    await strangersLock(user.email);
    const locked = await failure(authenticate(user.email, TEST_PASSWORD, { ip: ip() }));
    expect(locked.code).toBe("locked");
    expect(locked.message).toMatch(/browser you have signed in with before, or ask an administrator to lift the lock\.$/);
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: ip(), deviceCookie })).id).toBe(user.id);
    // Without a known address too (plain next start: every client looks alike).
    await strangersLock(user.email);
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: null, deviceCookie })).id).toBe(user.id);
  });

  it("a browser that signed in before the password changed is a stranger after it: the new password ends what the old one proved", async () => {
    const user = await makeUser("WRITER");
    // Someone signs in with the password, stolen or not: their browser keeps a token.
    const before = (await authenticate(user.email, TEST_PASSWORD, { ip: ip() })).deviceCookie;
    await strangersLock(user.email);
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: ip(), deviceCookie: before })).id).toBe(user.id);
    const newPassword = "a-new-long-password-78";
    await changePassword(user, { currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword }, ip());
    await strangersLock(user.email);
    expect((await failure(authenticate(user.email, newPassword, { ip: ip(), deviceCookie: before }))).code).toBe("locked");
    // A browser that has signed in with the new password is the account's own again.
    const after = await knownBrowserCookie(user);
    expect((await authenticate(user.email, newPassword, { ip: ip(), deviceCookie: after })).id).toBe(user.id);
  });

  it("counts a known browser's own failures for that browser alone", async () => {
    const user = await makeUser("WRITER");
    const deviceCookie = await knownBrowserCookie(user);
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await failure(authenticate(user.email, "own-typo-here", { ip: ip(), deviceCookie }));
    const locked = await failure(authenticate(user.email, TEST_PASSWORD, { ip: ip(), deviceCookie }));
    expect(locked.message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/);
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: ip() })).id).toBe(user.id);
  });

  it("takes another account's token, or a forged one, for a stranger", async () => {
    const user = await makeUser("WRITER");
    const other = await makeUser("WRITER");
    await strangersLock(user.email);
    const forged = `${"A".repeat(16)}.${"B".repeat(43)}`;
    for (const deviceCookie of [await knownBrowserCookie(other), forged, "", "~~.~"]) {
      expect((await failure(authenticate(user.email, TEST_PASSWORD, { ip: ip(), deviceCookie }))).code).toBe("locked");
    }
  });

  it("a password check inside a session is not locked by strangers, and its success leaves their lock", async () => {
    const user = await makeUser("WRITER");
    await strangersLock(user.email);
    await changePassword(
      user,
      { currentPassword: TEST_PASSWORD, newPassword: "a-new-long-password-77", confirmPassword: "a-new-long-password-77" },
      ip(),
    );
    expect((await failure(authenticate(user.email, "a-new-long-password-77", { ip: ip() }))).code).toBe("locked");
    const deviceCookie = await knownBrowserCookie(user);
    expect((await authenticate(user.email, "a-new-long-password-77", { ip: ip(), deviceCookie })).id).toBe(user.id);
    // Nor does a known browser's sign-in give strangers five more guesses.
    expect((await failure(authenticate(user.email, "a-new-long-password-77", { ip: ip() }))).code).toBe("locked");
  });

  it("an account's own browser's typos do not count against its address, which strangers' do", async () => {
    const user = await makeUser("WRITER");
    const address = ip();
    const deviceCookie = await knownBrowserCookie(user);
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await failure(authenticate(user.email, "own-typo-here", { ip: address, deviceCookie }));
    const colleague = await makeUser("WRITER");
    expect((await authenticate(colleague.email, TEST_PASSWORD, { ip: address })).id).toBe(colleague.id);
  });

  it("a sign-in whose attempt an admin's lift forgot while its password was checked still signs in", async () => {
    const user = await makeUser("WRITER");
    const { attemptId } = await reserveLoginAttempt(user.email, { ip: ip(), device: "" });
    await liftSignInLock(admin, { userId: user.id });
    await expect(confirmLoginAttempt(attemptId)).resolves.toBeUndefined();
  });

  it("an admin's lift lets a person locked out by their own typos on a new browser sign in from it at once", async () => {
    const user = await makeUser("WRITER");
    const address = ip();
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await failure(authenticate(user.email, "own-typo-here", { ip: address }));
    expect((await failure(authenticate(user.email, TEST_PASSWORD, { ip: address }))).code).toBe("locked");
    await liftSignInLock(admin, { userId: user.id });
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: address })).id).toBe(user.id);
  });

  it("a lift of an account whose lock has already ended says so and audits nothing", async () => {
    const user = await makeUser("WRITER");
    // Strangers' five failures, sixteen minutes ago: kept for a day, but no longer a lock.
    const then = new Date(Date.now() - THROTTLE_WINDOW_MS - 60_000);
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await failure(authenticate(user.email, "a-stranger-guess", { ip: ip() }, then));
    await expect(liftSignInLock(admin, { userId: user.id })).resolves.toEqual({ lifted: false });
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.unlock" } })).toBe(0);
  });

  it("an admin sees the lock on the users list and lifts it, which the audit log records", async () => {
    const user = await makeUser("WRITER");
    await strangersLock(user.email);
    const listed = async () => (await listUsers(admin)).find((u) => u.id === user.id)!;
    const lockedUntil = (await listed()).lockedUntil;
    expect(lockedUntil!.getTime()).toBeGreaterThan(Date.now() + THROTTLE_WINDOW_MS - 60_000);
    await expect(liftSignInLock(admin, { userId: user.id })).resolves.toEqual({ lifted: true });
    expect((await listed()).lockedUntil).toBeNull();
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: ip() })).id).toBe(user.id);
    const entry = await db.auditEvent.findFirst({ where: { entityId: user.id, action: "user.unlock" } });
    expect(entry?.actorId).toBe(admin.id);
    await expect(liftSignInLock(user, { userId: user.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
