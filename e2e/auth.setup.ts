import { test as setup, expect } from "@playwright/test";
import { ACCOUNTS, PASSWORD, storageStatePath, type RoleName } from "./env";

// Signs in once per role through the real form and keeps the session for the specs.
for (const role of Object.keys(ACCOUNTS) as RoleName[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ACCOUNTS[role].email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS[role].email);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
