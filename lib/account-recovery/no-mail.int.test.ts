import { describe, expect, it } from "vitest";
import { db } from "../db";
import { mailConfigured } from "../mail/transport";
import { makeUser } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { MAIL_NOT_CONFIGURED, makeResetLinkByAdmin, requestPasswordReset, resetPasswordWithToken, sendResetLinkByAdmin } from "./mutations";

// This file runs without DATELINE_SMTP_URL: nothing is sent, nothing is stored, and the answer says to ask an admin.
describe("password reset without mail configured", () => {
  it("sends nothing, stores no token, and says to ask an admin", async () => {
    expect(mailConfigured()).toBe(false);
    const user = await makeUser("WRITER");
    const error = await expectAppError(requestPasswordReset({ email: user.email }, "10.40.0.1"), "invalid");
    expect(error.message).toBe(MAIL_NOT_CONFIGURED);
    const admin = await makeUser("ADMIN");
    await expectAppError(sendResetLinkByAdmin(admin, { userId: user.id }), "invalid");
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets an admin make a single-use link to hand over, which a writer cannot", async () => {
    const user = await makeUser("WRITER");
    const admin = await makeUser("ADMIN");
    const writer = await makeUser("WRITER");
    await expectAppError(makeResetLinkByAdmin(writer, { userId: user.id }), "forbidden");
    const first = await makeResetLinkByAdmin(admin, { userId: user.id });
    const second = await makeResetLinkByAdmin(admin, { userId: user.id });
    expect(second.minutes).toBe(60);
    const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
    const newPassword = "A long enough pass phrase 2026";
    // A newer link replaces the older one; the newer works once.
    await expectAppError(
      resetPasswordWithToken({ token: tokenOf(first.url), newPassword, confirmPassword: newPassword }, "10.40.0.2"),
      "invalid",
    );
    await resetPasswordWithToken({ token: tokenOf(second.url), newPassword, confirmPassword: newPassword }, "10.40.0.2");
    await expectAppError(
      resetPasswordWithToken({ token: tokenOf(second.url), newPassword, confirmPassword: newPassword }, "10.40.0.2"),
      "invalid",
    );
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.passwordResetLinkMade", actorId: admin.id } })).toBe(2);
  });
});
