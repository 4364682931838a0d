import type { Browser, Page } from "@playwright/test";
import { storageStatePath } from "./env";
import { expect, newContext, signIn, unique } from "./fixtures";

/** An account made on the admin's users screen; returns its email and temporary password. */
export async function createAccount(browser: Browser, name: string, role: "WRITER" | "EDITOR" | "ADMIN") {
  const admin = await newContext(browser, { storageState: storageStatePath("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const email = `${role.toLowerCase()}-${unique()}@e2e.dateline`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create user" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!.trim();
  await admin.close();
  return { email, temporary };
}

/** A first sign-in: the temporary password, then one's own, then signed in with it. Returns the password. */
export async function firstSignIn(page: Page, email: string, temporary: string) {
  await signIn(page, email, temporary);
  await expect(page).toHaveURL(/\/admin\/profile$/);
  const password = `own-password-${unique()}-2026`;
  await page.getByLabel("Current password").fill(temporary);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=password-changed/);
  await signIn(page, email, password);
  return password;
}

/** Signs out through the desk's button and waits for the sign-in page. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
