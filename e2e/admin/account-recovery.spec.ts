import type { Page } from "@playwright/test";
import { E2E_SMTP_PORT, storageStatePath } from "../env";
import { expect, formAlert, newContext, signIn, test, unique } from "../fixtures";
import { readDatabase } from "../database";
import { createAccount, firstSignIn } from "../accounts";
import { resetLinkIn, startMailCatcher } from "../../lib/test/mail-catcher";

// Issue 20: a locked-out reporter gets back in without a server command. The server mails reset
// links to a real SMTP server this spec starts (DATELINE_SMTP_URL in e2e/env.ts).
let mail: Awaited<ReturnType<typeof startMailCatcher>>;
test.beforeAll(async () => {
  mail = await startMailCatcher(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await mail.close();
});

const SAME_ANSWER = /If an account uses that address, a link to choose a new password is on its way/;

async function chooseNewPassword(page: Page, link: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  const password = `reset-password-${unique()}-2026`;
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=password-reset/);
  await expect(page.getByRole("status")).toContainText("Your new password is set");
  return password;
}

test.describe("account recovery", () => {
  // Several sign-ins each (argon2id) and a first-time password change: slower than one page.
  test.setTimeout(120_000);

  test("forgot password: the same answer for any address, a mailed single-use link, a new password, signed in", async ({ browser }) => {
    const { email, temporary } = await createAccount(browser, "Rita Reporter", "WRITER");
    const writer = await (await newContext(browser)).newPage();
    const oldPassword = await firstSignIn(writer, email, temporary);
    const stale = writer.context();

    const page = await (await newContext(browser)).newPage();
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/forgot-password.png", fullPage: true });

    // An address without an account gets exactly the same answer, and no mail.
    const nobody = `nobody-${unique()}@e2e.dateline`;
    await page.getByLabel("Email").fill(nobody);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    const unknownAnswer = await page.locator("main").getByRole("status").textContent();
    expect(unknownAnswer).toMatch(SAME_ANSWER);

    await page.reload();
    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.locator("main").getByRole("status")).toHaveText(unknownAnswer!);
    await page.screenshot({ path: "test-results/screens/forgot-password-sent.png", fullPage: true });
    const message = await mail.waitFor(email);
    expect(mail.to(nobody)).toHaveLength(0);
    const link = resetLinkIn(message)!;
    expect(link).toContain("/login/reset/");

    // Bad input is answered at the field; the link stays good.
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("Repeat the new password").fill("short");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/reset-password.png", fullPage: true });

    const newPassword = await chooseNewPassword(page, link);
    // The session from before the reset has ended.
    const before = await stale.newPage();
    await before.goto("/admin");
    await expect(before).toHaveURL(/\/login/);
    // The old password no longer works; the new one does.
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(oldPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toContainText("do not match");
    await signIn(page, email, newPassword);

    // The link was good once.
    const again = await (await newContext(browser)).newPage();
    await again.goto(link);
    await expect(formAlert(again)).toContainText("expired, was already used");
    const audit = readDatabase((db) =>
      db
        .prepare("SELECT action FROM AuditEvent WHERE entityId = (SELECT id FROM User WHERE email = ?) ORDER BY createdAt")
        .pluck()
        .all(email),
    );
    expect(audit).toEqual(expect.arrayContaining(["user.passwordResetRequested", "user.passwordReset"]));
  });

  test("an admin sends a reset link from the users screen; the user chooses a password and signs in", async ({ browser }) => {
    const { email } = await createAccount(browser, "Lost Locksmith", "EDITOR");
    const admin = await (await newContext(browser, { storageState: storageStatePath("admin") })).newPage();
    await admin.goto("/admin/users");
    const row = admin.getByTestId(`user-${email}`);
    await row.getByRole("button", { name: "Send reset link" }).click();
    await expect(row.getByRole("status")).toContainText("Reset link sent to Lost Locksmith");
    await admin.screenshot({ path: "test-results/screens/users-reset-link.png", fullPage: true });
    const message = await mail.waitFor(email);
    expect(message.text).toContain("E2E admin");

    const page = await (await newContext(browser)).newPage();
    const password = await chooseNewPassword(page, resetLinkIn(message)!);
    // The reset replaced the temporary password: straight to the desk, no change screen.
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("an admin makes a reset link to hand over (no mail needed); it works once", async ({ browser }) => {
    const { email } = await createAccount(browser, "Mailless Marta", "WRITER");
    const admin = await (await newContext(browser, { storageState: storageStatePath("admin") })).newPage();
    await admin.goto("/admin/users");
    const row = admin.getByTestId(`user-${email}`);
    await row.getByRole("button", { name: "Make a reset link" }).click();
    const field = row.getByLabel(/Give this link to Mailless Marta yourself/);
    await expect(field).toHaveValue(/\/login\/reset\/[A-Za-z0-9_-]{43}$/);
    await admin.screenshot({ path: "test-results/screens/users-made-reset-link.png", fullPage: true });
    const link = await field.inputValue();

    const page = await (await newContext(browser)).newPage();
    const password = await chooseNewPassword(page, link);
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/admin$/);
    // The account's address hears that its password changed through a link the admin made.
    const notice = await mail.waitFor(email);
    expect(notice.subject).toMatch(/password was changed/);
    expect(notice.text).toContain("that an admin, E2E admin, gave you from the users screen");
    // Used once: the same link now says so.
    const again = await (await newContext(browser)).newPage();
    await again.goto(link);
    await expect(again.getByText(/expired, was already used or was replaced/)).toBeVisible();
  });
});
