import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { resolveSessionUser } from "../auth/session-user";
import { SECOND_FACTOR_PREFIX, signInStep } from "../auth/two-step";
import { THROTTLE_MAX_FAILURES } from "../auth/throttle";
import { changePassword } from "../users/profile";
import { liftSignInLock, listUsers } from "../users/admin";
import { knownBrowserCookie, makeUser, TEST_PASSWORD } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { decryptSecret, encryptSecret, hashRecoveryCode, readPendingSignIn, signPendingSignIn } from "./crypto";
import {
  beginTwoFactorEnrolment,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  getPendingEnrolment,
  regenerateRecoveryCodes,
  resetTwoFactorByAdmin,
  setTwoFactorRequired,
} from "./mutations";
import { INVALID_CODE } from "./sign-in";

const ip = () => `10.30.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const now = () => Math.floor(Date.now() / 1000);

async function secretOf(userId: string) {
  const row = await db.twoFactor.findUniqueOrThrow({ where: { userId }, select: { secret: true } });
  return decryptSecret(row.secret)!;
}
/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeAt = async (secret: string, steps = 0) => generate({ secret, epoch: now() + steps * 30 });

async function enrolled(role: "WRITER" | "EDITOR" | "ADMIN" = "EDITOR") {
  const user = await makeUser(role);
  await beginTwoFactorEnrolment(user);
  const secret = await secretOf(user.id);
  const { recoveryCodes } = await confirmTwoFactorEnrolment(user, { code: await codeAt(secret) }, ip());
  return { user, secret, recoveryCodes };
}

/** The password step: must not give a session, only a pending token. */
async function passwordStep(user: Viewer, address = ip()) {
  const error = await expectAppError(
    signInStep({ email: user.email, password: TEST_PASSWORD, pending: "", code: "" }, { ip: address }),
    "unauthorized",
  );
  expect(error.message.startsWith(SECOND_FACTOR_PREFIX)).toBe(true);
  return error.message.slice(SECOND_FACTOR_PREFIX.length);
}
const codeStep = (pending: string, code: string, address = ip()) => signInStep({ email: "", password: "", pending, code }, { ip: address });

describe("two-factor enrolment", () => {
  it("keeps the secret encrypted, shows it only until it is confirmed by a code, then stores ten hashed recovery codes and audits", async () => {
    const user = await makeUser("WRITER");
    await beginTwoFactorEnrolment(user);
    const stored = await db.twoFactor.findUniqueOrThrow({ where: { userId: user.id }, select: { secret: true, enabledAt: true } });
    const secret = decryptSecret(stored.secret)!;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(stored.secret).not.toContain(secret);
    expect(stored.enabledAt).toBeNull();
    const pending = await getPendingEnrolment(user);
    expect(pending?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(pending!.qrDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect(pending?.secret.replace(/ /g, "")).toBe(secret);
    // Not active yet: the password alone still signs in.
    expect((await signInStep({ email: user.email, password: TEST_PASSWORD, pending: "", code: "" }, { ip: ip() })).id).toBe(user.id);

    const wrong = await expectAppError(confirmTwoFactorEnrolment(user, { code: "000000" }, ip()), "invalid");
    expect(wrong.fieldErrors?.code).toBeDefined();
    const { recoveryCodes } = await confirmTwoFactorEnrolment(user, { code: await codeAt(secret) }, ip());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.codeHash).sort()).toEqual(recoveryCodes.map((c) => hashRecoveryCode(user.id, c)).sort());
    expect(JSON.stringify(rows)).not.toContain(recoveryCodes[0]);
    expect(await getPendingEnrolment(user)).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.twoFactor.enable" } })).toBe(1);
    await expectAppError(beginTwoFactorEnrolment(user), "conflict");
  });

  it("refuses a tampered secret or pending token", () => {
    const sealed = encryptSecret("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA"))).toBeNull();
    const token = signPendingSignIn("user-1", 3);
    expect(readPendingSignIn(token)).toEqual({ userId: "user-1", sessionVersion: 3 });
    expect(readPendingSignIn(token.replace("user-1", "user-2"))).toBeNull();
    expect(readPendingSignIn(token, Date.now() + 6 * 60_000)).toBeNull();
  });
});

describe("signing in with a second factor", () => {
  it("issues no session for the password alone, takes a code once, and refuses it again within its window", async () => {
    const { user, secret } = await enrolled();
    const lastSignIn = async () => (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true } })).lastLoginAt;
    const pending = await passwordStep(user);
    // The password alone is not a sign-in: the user list must not show one.
    expect(await lastSignIn()).toBeNull();
    // The enrolment used this step's code; the next step's is accepted (one step of drift allowed).
    const code = await codeAt(secret, 1);
    expect((await codeStep(pending, code)).id).toBe(user.id);
    expect(await lastSignIn()).not.toBeNull();
    const reused = await expectAppError(codeStep(await passwordStep(user), code), "unauthorized");
    expect(reused.message).toBe(INVALID_CODE);
    // An older code than the last one accepted is refused as well.
    await expectAppError(codeStep(await passwordStep(user), await codeAt(secret)), "unauthorized");
  });

  it("takes each recovery code once, and audits each use with how many are left", async () => {
    const { user, recoveryCodes } = await enrolled();
    const [first, second] = recoveryCodes as [string, string];
    expect((await codeStep(await passwordStep(user), first.toUpperCase())).id).toBe(user.id);
    await expectAppError(codeStep(await passwordStep(user), first), "unauthorized");
    expect((await codeStep(await passwordStep(user), second.replace("-", " "))).id).toBe(user.id);
    const uses = await db.auditEvent.findMany({
      where: { entityId: user.id, action: "user.twoFactor.recoveryCodeUsed" },
      orderBy: { createdAt: "asc" },
    });
    expect(uses.map((u) => (u.data as { left: number }).left)).toEqual([9, 8]);
  });

  it(`locks codes after ${THROTTLE_MAX_FAILURES} wrong ones for the account, from any address, and per address across accounts`, async () => {
    const { user, secret } = await enrolled();
    const pending = await passwordStep(user);
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await expectAppError(codeStep(pending, "123456"), "unauthorized");
    await expectAppError(codeStep(pending, await codeAt(secret, 1)), "locked");
    // A right password does not reset the count of wrong codes.
    await expectAppError(codeStep(await passwordStep(user), await codeAt(secret, 1)), "locked");

    const address = ip();
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) {
      const other = await enrolled("WRITER");
      await expectAppError(codeStep(await passwordStep(other.user), "654321", address), "unauthorized");
    }
    const last = await enrolled("WRITER");
    await expectAppError(codeStep(await passwordStep(last.user), await codeAt(last.secret, 1), address), "locked");
  });

  it("counts a browser that has signed in before apart: a stranger with the password who fails five codes does not lock the owner out", async () => {
    const { user, secret } = await enrolled();
    const deviceCookie = await knownBrowserCookie(user);
    const pending = await passwordStep(user);
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await expectAppError(codeStep(pending, "123456"), "unauthorized");
    const locked = await expectAppError(codeStep(pending, await codeAt(secret, 1)), "locked");
    // The stranger's form says, as for passwords, how the account's own people still get in.
    expect(locked.message).toMatch(
      /^Too many failed sign-in attempts\. Try again in 15 minutes, sign in from a browser you have signed in with before, or ask an administrator to lift the lock\.$/,
    );
    const own = signInStep(
      { email: "", password: "", pending: await passwordStep(user), code: await codeAt(secret, 1) },
      { ip: ip(), deviceCookie },
    );
    expect((await own).id).toBe(user.id);
  });

  it("shows strangers' wrong codes as a lock on the users screen, and an admin's lift forgets them", async () => {
    const { user, secret } = await enrolled();
    const admin = await makeUser("ADMIN");
    const pending = await passwordStep(user);
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await expectAppError(codeStep(pending, "123456"), "unauthorized");
    expect((await listUsers(admin)).find((u) => u.id === user.id)?.lockedUntil).toBeInstanceOf(Date);
    await liftSignInLock(admin, { userId: user.id });
    expect((await listUsers(admin)).find((u) => u.id === user.id)?.lockedUntil).toBeNull();
    expect((await codeStep(await passwordStep(user), await codeAt(secret, 1))).id).toBe(user.id);
  });

  it("ends a pending sign-in when the password changes", async () => {
    const { user, secret } = await enrolled("WRITER");
    const pending = await passwordStep(user);
    await changePassword(
      user,
      { currentPassword: TEST_PASSWORD, newPassword: "another passphrase 123", confirmPassword: "another passphrase 123" },
      ip(),
    );
    await expectAppError(codeStep(pending, await codeAt(secret, 1)), "unauthorized");
  });
});

describe("turning two-factor off, new recovery codes, admin reset and the newsroom rule", () => {
  it("needs the current password to turn it off or make new codes, and audits both", async () => {
    const { user, recoveryCodes } = await enrolled("WRITER");
    await expectAppError(regenerateRecoveryCodes(user, { password: "not-the-password" }, ip()), "invalid");
    const fresh = await regenerateRecoveryCodes(user, { password: TEST_PASSWORD }, ip());
    await expectAppError(codeStep(await passwordStep(user), recoveryCodes[0]!), "unauthorized");
    expect((await codeStep(await passwordStep(user), fresh.recoveryCodes[0]!)).id).toBe(user.id);
    await expectAppError(disableTwoFactor(user, { password: "not-the-password" }, ip()), "invalid");
    expect(await db.twoFactor.count({ where: { userId: user.id } })).toBe(1);
    await disableTwoFactor(user, { password: TEST_PASSWORD }, ip());
    expect(await db.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await signInStep({ email: user.email, password: TEST_PASSWORD, pending: "", code: "" }, { ip: ip() })).id).toBe(user.id);
    const actions = (await db.auditEvent.findMany({ where: { entityId: user.id, action: { startsWith: "user.twoFactor" } } })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual([
      "user.twoFactor.disable",
      "user.twoFactor.enable",
      "user.twoFactor.recoveryCodeUsed",
      "user.twoFactor.recoveryCodes",
    ]);
  });

  it("lets an admin reset a user's two-factor, ending their sessions (audited); an editor is refused and nothing changes", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const { user } = await enrolled("WRITER");
    const sv = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).sessionVersion;
    await expectAppError(resetTwoFactorByAdmin(editor, { userId: user.id }), "forbidden");
    expect(await db.twoFactor.count({ where: { userId: user.id } })).toBe(1);
    await resetTwoFactorByAdmin(admin, { userId: user.id });
    expect(await db.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await resolveSessionUser({ id: user.id, sv, signedInAt: now() })).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.twoFactor.reset", actorId: admin.id } })).toBe(1);
  });

  it("sends editors and admins without two-factor to enrolment once admins require it; writers stay free", async () => {
    const bare = await makeUser("ADMIN");
    const { user: admin } = await enrolled("ADMIN");
    const editor = await makeUser("EDITOR");
    const writer = await makeUser("WRITER");
    await expectAppError(setTwoFactorRequired(bare, { required: true }), "invalid");
    const session = async (v: Viewer) => {
      const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: v.id }, select: { sessionVersion: true } });
      return resolveSessionUser({ id: v.id, sv: sessionVersion, signedInAt: now() });
    };
    await expectAppError(setTwoFactorRequired(editor, { required: true }), "forbidden");
    try {
      await setTwoFactorRequired(admin, { required: true });
      expect((await session(editor))?.mustEnrolTwoFactor).toBe(true);
      expect((await session(bare))?.mustEnrolTwoFactor).toBe(true);
      expect((await session(admin))?.mustEnrolTwoFactor).toBe(false);
      expect((await session(writer))?.mustEnrolTwoFactor).toBe(false);
      await beginTwoFactorEnrolment(editor);
      await confirmTwoFactorEnrolment(editor, { code: await codeAt(await secretOf(editor.id)) }, ip());
      expect((await session(editor))?.mustEnrolTwoFactor).toBe(false);
      expect(await db.auditEvent.count({ where: { action: "settings.twoFactorRequired", actorId: admin.id } })).toBe(1);
    } finally {
      await setTwoFactorRequired(admin, { required: false });
    }
    expect((await session(bare))?.mustEnrolTwoFactor).toBe(false);
  });
});
