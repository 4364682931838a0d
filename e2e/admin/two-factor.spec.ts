import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { E2E_URL } from "../env";
import { expect, formAlert, newContext, test } from "../fixtures";
import { readDatabase } from "../database";
import { createAccount, firstSignIn, signOut } from "../accounts";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";

// Issue 20: staff accounts protected by a second factor. The test is the authenticator app: it
// computes codes from the secret the enrolment screen shows.

/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** Enrols on the profile page: QR code and key, a code to confirm, the ten recovery codes. */
async function enrol(page: Page, screenshot?: string) {
  await page.goto("/admin/profile");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  // While the next code is on its way (held here), the last refusal is gone: it must not read as this code's answer.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const action = (url: URL) => url.pathname === "/admin/profile";
  await page.route(action, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) await held;
    await route.continue();
  });
  await page.getByLabel("Code from the app").fill(await codeAt(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("button", { name: "Checking…" })).toBeVisible();
  await expect(page.getByText("That code is not right.")).toBeHidden();
  release();
  await expect(page.getByTestId("recovery-codes").locator("code")).toHaveCount(10);
  await page.unroute(action);
  const codes = (await page.getByTestId("recovery-codes").locator("code").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await expect(page.getByText(/On since .* 10 of 10 recovery codes left/)).toBeVisible();
  // The key is not shown again once two-factor is on.
  await page.reload();
  await expect(page.getByTestId("totp-secret")).toHaveCount(0);
  return { secret, codes };
}

/** Email and password, then the code prompt: returns once the prompt is showing. */
async function passwordStep(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Two-factor code")).toBeVisible();
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel("Two-factor code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

const auditFor = (email: string) =>
  readDatabase((db) =>
    db
      .prepare("SELECT action FROM AuditEvent WHERE entityId = (SELECT id FROM User WHERE email = ?) ORDER BY createdAt")
      .pluck()
      .all(email),
  ) as string[];

test.describe("two-factor sign-in", () => {
  // Several sign-ins each (argon2id) and a first-time password change: slower than one page.
  test.setTimeout(120_000);

  test("enrol with a computed code, sign in with a code, then a recovery code, and be refused on its reuse", async ({ browser }) => {
    const { email, temporary } = await createAccount(browser, "Tove Twofactor", "WRITER");
    const page = await (await newContext(browser)).newPage();
    const password = await firstSignIn(page, email, temporary);
    const { secret, codes } = await enrol(page, "test-results/screens/two-factor-enrol.png");
    await signOut(page);

    // The password alone issues no session.
    await passwordStep(page, email, password);
    await page.screenshot({ path: "test-results/screens/two-factor-code-prompt.png", fullPage: true });
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(false);
    expect((await page.request.get("/api/auth/session").then((r) => r.json())) as object).toEqual({});
    await codeStep(page, "123456");
    await expect(formAlert(page)).toContainText("That code is not right");
    // The enrolment used this step's code; the app's next one is accepted.
    const code = await codeAt(secret, 1);
    await codeStep(page, code);
    await expect(page.getByTestId("signed-in-as")).toContainText(email);
    await signOut(page);

    // The same code again, within its window: refused.
    await passwordStep(page, email, password);
    await codeStep(page, code);
    await expect(formAlert(page)).toContainText("That code is not right, or was already used");

    // A recovery code signs in once.
    await codeStep(page, codes[0]!);
    await expect(page.getByTestId("signed-in-as")).toContainText(email);
    await page.goto("/admin/profile");
    await expect(page.getByText("9 of 10 recovery codes left")).toBeVisible();
    await signOut(page);
    await passwordStep(page, email, password);
    await codeStep(page, codes[0]!);
    await expect(formAlert(page)).toContainText("That code is not right, or was already used");

    expect(auditFor(email)).toEqual(expect.arrayContaining(["user.twoFactor.enable", "user.twoFactor.recoveryCodeUsed"]));
  });

  test("an admin requires two-factor for editors and admins: an editor without it is sent to enrol before the desk opens", async ({
    browser,
  }) => {
    // A fresh admin, enrolled (the setting refuses an admin without two-factor).
    const boss = await createAccount(browser, "Ada Adminsson", "ADMIN");
    const adminPage = await (await newContext(browser)).newPage();
    await firstSignIn(adminPage, boss.email, boss.temporary);
    await adminPage.goto("/admin/users");
    const setting = adminPage.getByLabel("Require two-factor sign-in for editors and admins");
    await setting.check();
    await adminPage.getByRole("button", { name: "Save", exact: true }).click();
    await expect(formAlert(adminPage)).toContainText("Set up your own two-factor sign-in first");
    await enrol(adminPage);

    const editor = await createAccount(browser, "Ed Enforced", "EDITOR");
    try {
      await adminPage.goto("/admin/users");
      await setting.check();
      await adminPage.getByRole("button", { name: "Save", exact: true }).click();
      await expect(adminPage.getByText("Required for editors and admins.")).toBeVisible();
      await adminPage.screenshot({ path: "test-results/screens/users-two-factor-required.png", fullPage: true });

      const page = await (await newContext(browser)).newPage();
      await firstSignIn(page, editor.email, editor.temporary);
      await expect(page).toHaveURL(/\/admin\/profile$/);
      await expect(page.getByText("Your newsroom requires two-factor sign-in for editors and admins.")).toBeVisible();
      await page.goto("/admin/media");
      await expect(page).toHaveURL(/\/admin\/profile$/);
      await enrol(page);
      await page.goto("/admin/media");
      await expect(page).toHaveURL(/\/admin\/media$/);
      await expect(page.getByRole("heading", { name: "Photos", level: 1 })).toBeVisible();
    } finally {
      // Put the rule back for the other specs (their editor and admin have no second factor).
      const action = serverActionsInBuild().find((a) => a.name === "setTwoFactorRequiredAction")!;
      const result = await callServerAction(adminPage.request, "/admin/users", action, { required: false }, { Origin: E2E_URL });
      expect(actionOutcome(result.body)).toBe("ok");
    }
    expect(readDatabase((db) => db.prepare("SELECT value FROM Setting WHERE key = 'twoFactorRequiredForStaff'").pluck().get())).toBe(
      "false",
    );
    expect(auditFor(editor.email)).toContain("user.twoFactor.enable");
  });

  test("an admin resets a user's two-factor; they sign in with the password alone again", async ({ browser }) => {
    const { email, temporary } = await createAccount(browser, "Phil Lostphone", "WRITER");
    const page = await (await newContext(browser)).newPage();
    const password = await firstSignIn(page, email, temporary);
    await enrol(page);
    const admin = await (await newContext(browser, { storageState: "e2e/.auth/admin.json" })).newPage();
    await admin.goto("/admin/users");
    admin.once("dialog", (dialog) => void dialog.accept());
    const row = admin.getByTestId(`user-${email}`);
    await row.getByRole("button", { name: "Reset two-factor" }).click();
    await expect(row.getByRole("status")).toContainText("Two-factor sign-in reset");
    // Their session ended with the reset.
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(email);
    expect(auditFor(email)).toContain("user.twoFactor.reset");
  });
});
