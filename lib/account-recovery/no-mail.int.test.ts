import { describe, expect, it } from "vitest";
import { db } from "../db";
import { mailConfigured } from "../mail/transport";
import { makeUser } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { MAIL_NOT_CONFIGURED, requestPasswordReset, sendResetLinkByAdmin } from "./mutations";

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
});
