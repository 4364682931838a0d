import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A real SMTP server the test starts; the app sends to it through DATELINE_SMTP_URL (read when lib/env loads).
const smtp = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.DATELINE_SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.DATELINE_MAIL_FROM = "Dateline Desk <desk@test.dateline>";
  return { port };
});

import { db } from "../db";
import { authenticate } from "../auth/login";
import { resolveSessionUser } from "../auth/session-user";
import { THROTTLE_MAX_FAILURES } from "../auth/throttle";
import { changePassword } from "../users/profile";
import { makeUser, TEST_PASSWORD, uid } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { startMailCatcher, resetLinkIn } from "../test/mail-catcher";
import {
  RESET_LINK_UNUSABLE,
  RESET_REQUEST_MIN_MS,
  RESET_REQUESTED,
  checkResetToken,
  requestPasswordReset,
  resetPasswordWithToken,
  makeResetLinkByAdmin,
  sendResetLinkByAdmin,
} from "./mutations";
import { hashResetToken, issueResetToken } from "./tokens";

let mail: Awaited<ReturnType<typeof startMailCatcher>>;
beforeAll(async () => {
  mail = await startMailCatcher(smtp.port);
});
afterAll(async () => {
  await mail.close();
});

const ip = () => `10.20.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const NEW_PASSWORD = "a brand new passphrase 77";
const tokenOf = (link: string) => link.split("/").pop()!;

async function requestLink(email: string) {
  const before = mail.to(email).length;
  await requestPasswordReset({ email }, ip());
  // The first mail since `before` that carries a link: the notice of an earlier reset may come meanwhile.
  for (let seen = before; ; seen = mail.to(email).length) {
    await mail.waitFor(email, seen);
    const link = mail.to(email).slice(before).map(resetLinkIn).find(Boolean);
    if (link) return tokenOf(link);
  }
}

describe("password reset links", () => {
  it("mails a link to the configured site address, and stores only the token's hash", async () => {
    const user = await makeUser("WRITER");
    const result = await requestPasswordReset({ email: user.email.toUpperCase() }, ip());
    expect(result.message).toBe(RESET_REQUESTED);
    const message = await mail.waitFor(user.email);
    expect(message.subject).toMatch(/Choose a new password/);
    expect(message.from?.text).toContain("desk@test.dateline");
    const link = resetLinkIn(message)!;
    expect(link.startsWith("http://localhost:3000/login/reset/")).toBe(true);
    const token = tokenOf(link);
    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashResetToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(60 * 60_000);
    const audit = await db.auditEvent.findFirst({ where: { entityId: user.id, action: "user.passwordResetRequested" } });
    expect(audit).not.toBeNull();
  });

  it("answers an unknown address exactly as a known one, in about the same time, and mails nothing", async () => {
    const user = await makeUser("WRITER");
    const unknown = `nobody-${uid()}@test.dateline`;
    const timed = async (email: string) => {
      const started = performance.now();
      const result = await requestPasswordReset({ email }, ip());
      return { result, ms: performance.now() - started };
    };
    const known = await timed(user.email);
    const missing = await timed(unknown);
    expect(missing.result).toEqual(known.result);
    expect(known.ms).toBeGreaterThanOrEqual(RESET_REQUEST_MIN_MS - 5);
    expect(missing.ms).toBeGreaterThanOrEqual(RESET_REQUEST_MIN_MS - 5);
    expect(Math.abs(known.ms - missing.ms)).toBeLessThan(250);
    await mail.waitFor(user.email);
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.to(unknown)).toHaveLength(0);
  });

  it("sets a new password once: the link is used up, sessions end, the old password stops working, and it is audited", async () => {
    const user = await makeUser("EDITOR");
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    const session = { id: user.id, sv: before.sessionVersion, signedInAt: Math.floor(Date.now() / 1000) };
    expect(await resolveSessionUser(session)).not.toBeNull();
    const token = await requestLink(user.email);
    expect(await checkResetToken(token)).toEqual({ email: user.email });

    expect(await resetPasswordWithToken({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, ip())).toEqual({
      email: user.email,
    });
    expect(await resolveSessionUser(session)).toBeNull();
    await expectAppError(authenticate(user.email, TEST_PASSWORD, { ip: ip() }), "unauthorized");
    expect((await authenticate(user.email, NEW_PASSWORD, { ip: ip() })).id).toBe(user.id);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.passwordReset", actorId: user.id } })).toBe(1);
    // The account's address hears that its password changed (had it not been them), with no link in it.
    const notice = await mail.waitFor(user.email, 1);
    expect(notice.subject).toMatch(/password was changed/);
    expect(notice.text).toContain("through a password reset link sent to this address");
    expect(resetLinkIn(notice)).toBeNull();

    // Single use: the same link again is refused and changes nothing.
    const hash = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash;
    const again = await expectAppError(
      resetPasswordWithToken({ token, newPassword: "yet another passphrase 9", confirmPassword: "yet another passphrase 9" }, ip()),
      "invalid",
    );
    expect(again.message).toBe(RESET_LINK_UNUSABLE);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash).toBe(hash);
    expect(await checkResetToken(token)).toBeNull();
  });

  it("refuses a link past its hour, a link replaced by a newer one, and a link issued before a password change", async () => {
    const user = await makeUser("WRITER");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, passwordHash: true } });
    const old = await db.$transaction((tx) => issueResetToken(tx, row, null, new Date(Date.now() - 61 * 60_000)));
    expect(await checkResetToken(old)).toBeNull();
    await expectAppError(resetPasswordWithToken({ token: old, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, ip()), "invalid");

    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expect(await checkResetToken(first)).toBeNull();
    expect(await checkResetToken(second)).not.toBeNull();

    await changePassword(user, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, ip());
    expect(await checkResetToken(second)).toBeNull();
    await expectAppError(
      resetPasswordWithToken({ token: second, newPassword: "third passphrase here 3", confirmPassword: "third passphrase here 3" }, ip()),
      "invalid",
    );
  });

  it("keeps a link an admin made when anyone asks for one by typing the address (an anonymous request ended it)", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("WRITER");
    const handed = tokenOf((await makeResetLinkByAdmin(admin, { userId: user.id })).url);
    const asked = await requestLink(user.email);
    expect(await checkResetToken(handed)).not.toBeNull();
    expect(await checkResetToken(asked)).not.toBeNull();
    // A newer link the admin makes replaces both.
    const again = tokenOf((await makeResetLinkByAdmin(admin, { userId: user.id })).url);
    expect(await checkResetToken(handed)).toBeNull();
    expect(await checkResetToken(asked)).toBeNull();
    await resetPasswordWithToken({ token: again, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, ip());
  });

  it("keeps the password rules: short and common passwords are refused and the link stays usable", async () => {
    const user = await makeUser("WRITER");
    const token = await requestLink(user.email);
    const short = await expectAppError(resetPasswordWithToken({ token, newPassword: "short", confirmPassword: "short" }, ip()), "invalid");
    expect(short.fieldErrors?.newPassword?.[0]).toMatch(/at least 12/);
    await expectAppError(resetPasswordWithToken({ token, newPassword: "password1234", confirmPassword: "password1234" }, ip()), "invalid");
    expect(await checkResetToken(token)).not.toBeNull();
    // A refused password changed nothing, so nobody is told it changed: the link's mail stays the only one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mail.to(user.email)).toHaveLength(1);
  });

  it("lifts the account's sign-in lock once the password is reset through the mailbox", async () => {
    const user = await makeUser("WRITER");
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++)
      await expectAppError(authenticate(user.email, "wrong-guess-xx", { ip: ip() }), "unauthorized");
    await expectAppError(authenticate(user.email, TEST_PASSWORD, { ip: ip() }), "locked");
    const token = await requestLink(user.email);
    await resetPasswordWithToken({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, ip());
    expect((await authenticate(user.email, NEW_PASSWORD, { ip: ip() })).id).toBe(user.id);
  });

  it(`throttles requests like sign-in: ${THROTTLE_MAX_FAILURES} per address typed, known or not, and per client`, async () => {
    const user = await makeUser("WRITER");
    for (const email of [user.email, `ghost-${uid()}@test.dateline`]) {
      for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await requestPasswordReset({ email }, ip());
      const locked = await expectAppError(requestPasswordReset({ email }, ip()), "locked");
      expect(locked.message).toMatch(/^Too many reset requests\. Try again in \d+ minutes?\.$/);
    }
    const client = ip();
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await requestPasswordReset({ email: `spray-${uid()}@test.dateline` }, client);
    await expectAppError(requestPasswordReset({ email: `spray-${uid()}@test.dateline` }, client), "locked");
  });

  it("throttles guessed links per client address", async () => {
    const client = ip();
    const guess = () => crypto.randomBytes(32).toString("base64url");
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++)
      await expectAppError(
        resetPasswordWithToken({ token: guess(), newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, client),
        "invalid",
      );
    await expectAppError(
      resetPasswordWithToken({ token: guess(), newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, client),
      "locked",
    );
  });

  it("lets an admin send a link from the users screen, named in the mail and the audit log; others are refused", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const user = await makeUser("WRITER");
    await sendResetLinkByAdmin(admin, { userId: user.id });
    const message = await mail.waitFor(user.email);
    expect(message.text).toContain(admin.name);
    expect(resetLinkIn(message)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.passwordResetSent", actorId: admin.id } })).toBe(1);
    const rows = await db.passwordResetToken.count({ where: { userId: user.id } });
    await expectAppError(sendResetLinkByAdmin(editor, { userId: user.id }), "forbidden");
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(rows);
  });

  it("tells the account's address when a link an admin made to hand over was used, naming the admin (an admin who used it themselves does not go unnoticed)", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("EDITOR");
    const { url } = await makeResetLinkByAdmin(admin, { userId: user.id });
    expect(mail.to(user.email)).toHaveLength(0);
    await resetPasswordWithToken({ token: tokenOf(url), newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, ip());
    const notice = await mail.waitFor(user.email);
    expect(notice.subject).toMatch(/password was changed/);
    expect(notice.text).toContain(`a password reset link that an admin, ${admin.name}, gave you from the users screen`);
    expect(notice.text).toContain("tell an admin of your newsroom at once");
  });
});
