import { ACCOUNTS, E2E_URL, PASSWORD, storageStatePath } from "../env";
import { createAccount, firstSignIn, signOut } from "../accounts";
import { expect, formAlert, holdScripts, newContext, signIn, test, unique } from "../fixtures";

test.describe("signing in and out", () => {
  test("sends a signed-out visitor from /admin to the sign-in page and back after signing in", async ({ page }) => {
    await page.goto("/admin/profile");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fprofile/);
    await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/profile$/);
    await expect(page.getByTestId("signed-in-as")).toContainText("Editor");
  });

  test("shows one message for a wrong password and for an unknown email", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ACCOUNTS.writer.email);
    await page.getByLabel("Password").fill("definitely-wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("That email and password do not match an active account.");

    await page.getByLabel("Email").fill(`nobody-${unique()}@e2e.dateline`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("That email and password do not match an active account.");
  });

  test("ignores a callbackUrl to another site", async ({ page }) => {
    await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${E2E_URL}/admin`);
  });

  test("signs out, and the old session cookie no longer opens the admin", async ({ browser }) => {
    // A user of its own: signing out ends every session of that user.
    const admin = await newContext(browser, { storageState: storageStatePath("admin") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/users");
    const email = `leaver-${unique()}@e2e.dateline`;
    await adminPage.getByLabel("Name").fill("Lee Leaver");
    await adminPage.getByLabel("Email").fill(email);
    await adminPage.getByRole("button", { name: "Create user" }).click();
    const password = (await adminPage.getByTestId("temporary-password").textContent())!.trim();

    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, email, password);
    const cookies = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    const replay = await newContext(browser);
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/admin");
    await expect(replayPage).toHaveURL(/\/login/);
    // next-auth's own session endpoint gives the signed-out cookie no user either.
    const session = await replay.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
  });

  test("a sign-in typed before the page's scripts run waits for them, and the password never goes into an address", async ({ page }) => {
    const email = `early-${unique()}@e2e.dateline`;
    const password = `typed-early-${unique()}`;
    const addresses: string[] = [];
    page.on("request", (request) => addresses.push(request.url()));
    // A slow network: the server-rendered form is on screen, its scripts not yet run.
    const release = await holdScripts(page);
    await page.goto("/login", { waitUntil: "domcontentloaded" });
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    await page.getByLabel("Password").press("Enter");
    await page.waitForTimeout(500);
    expect(new URL(page.url()).search).toBe("");
    release();
    // Once the scripts run, the form takes the same typing and sends it the way it should.
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("That email and password do not match an active account.");
    expect(addresses.filter((address) => address.includes(password))).toEqual([]);
  });

  test("locks an account after five failed attempts with a clear message", async ({ page }) => {
    const email = `locked-${unique()}@e2e.dateline`;
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(formAlert(page)).toHaveText("That email and password do not match an active account.");
    }
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toContainText("Too many failed sign-in attempts. Try again in");
  });

  test("strangers who fail five times do not lock out the account's own browser, and an admin lifts their lock", async ({ browser }) => {
    const { email, temporary } = await createAccount(browser, "Lock Probe", "WRITER");
    const own = await (await newContext(browser)).newPage();
    const password = await firstSignIn(own, email, temporary);
    await signOut(own);

    // Five wrong passwords from a browser that has never signed in to the account: it, and its address, are locked.
    const stranger = await (await newContext(browser)).newPage();
    await stranger.goto("/login");
    await stranger.getByLabel("Email").fill(email);
    for (let i = 0; i < 5; i++) {
      await stranger.getByLabel("Password").fill(`a-stranger-guess-${i}`);
      await stranger.getByRole("button", { name: "Sign in" }).click();
      await expect(formAlert(stranger)).toHaveText("That email and password do not match an active account.");
    }
    await stranger.getByLabel("Password").fill(password);
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(stranger)).toHaveText(
      /^Too many failed sign-in attempts\. Try again in 15 minutes, sign in from a browser you have signed in with before, or ask an administrator to lift the lock\.$/,
    );
    const admin = await (await newContext(browser, { storageState: storageStatePath("admin") })).newPage();
    await admin.goto("/admin/users");
    const row = admin.getByTestId(`user-${email}`);
    await expect(row).toContainText(/Sign-in locked until \d\d:\d\d/);

    // The browser that signed in before is not locked out; its sign-in leaves the strangers' lock.
    await signIn(own, email, password);
    await admin.reload();
    await expect(row).toContainText(/Sign-in locked until \d\d:\d\d/);
    await row.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: test.info().outputPath("users-locked.png") });
    await row.getByRole("button", { name: "Lift sign-in lock" }).click();
    await expect(row.getByRole("status")).toHaveText(
      "Lock lifted: Lock Probe can sign in again. From a browser they have not signed in with before, failed sign-ins at other accounts from the same network may still hold them back until those failures are 15 minutes old.",
    );
    await expect(row).not.toContainText("Sign-in locked");
    await expect(row.getByRole("button", { name: "Lift sign-in lock" })).toHaveCount(0);

    // The browser that was locked, at the address that was locked (the person's own typos, say), signs in at once.
    await signIn(stranger, email, password);
  });
});
