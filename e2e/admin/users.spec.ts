import type { Browser, Page } from "@playwright/test";
import { E2E_URL, storageStatePath } from "../env";
import { expect, formAlert, newContext, signIn, test, unique } from "../fixtures";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";

async function createUser(browser: Browser, name: string, role: "EDITOR" | "WRITER") {
  const admin = await newContext(browser, { storageState: storageStatePath("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const email = `${role.toLowerCase()}-${unique()}@e2e.dateline`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create user" }).click();
  const password = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(password).toMatch(/^\S{20}$/);
  await expect(page.getByTestId(`user-${email}`)).toContainText(role === "EDITOR" ? "Editor" : "Writer");
  return { admin: page, email, password };
}

/** Fills the change-password form on the profile page, then signs in again with the new password. */
async function chooseOwnPassword(page: Page, email: string, current: string) {
  const fresh = `own-password-${unique()}-2026`;
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("Repeat the new password").fill(fresh);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=password-changed/);
  await signIn(page, email, fresh);
  return fresh;
}

/** A first sign-in with the temporary password: sent to choose one's own, then signed in with it. */
async function signInFirstTime(page: Page, email: string, temporary: string) {
  await signIn(page, email, temporary);
  await expect(page).toHaveURL(/\/admin\/profile$/);
  return chooseOwnPassword(page, email, temporary);
}

test.describe("an admin runs the newsroom's accounts", () => {
  test("creates an editor and a writer, who each see what their role allows", async ({ browser }) => {
    const editor = await createUser(browser, "Eda Editor", "EDITOR");
    await editor.admin.screenshot({ path: "test-results/screens/users.png", fullPage: true });
    const writer = await createUser(browser, "Wim Writer", "WRITER");

    const editorPage = await (await newContext(browser)).newPage();
    await signInFirstTime(editorPage, editor.email, editor.password);
    await expect(editorPage.getByTestId("signed-in-as")).toContainText("Editor");
    await expect(editorPage.getByRole("heading", { name: "Stories" })).toBeVisible();
    // Editors see every story on the desk, drafts of others included (searched for: earlier specs'
    // stories fill the desk's first page).
    await editorPage.goto("/admin?q=Council+candidates+debate+housing");
    await expect(editorPage.getByText("Council candidates debate housing")).toBeVisible();
    await expect(editorPage.getByRole("link", { name: "Users" })).toHaveCount(0);
    expect((await editorPage.goto("/admin/users"))?.status()).toBe(403);

    const writerPage = await (await newContext(browser)).newPage();
    await signInFirstTime(writerPage, writer.email, writer.password);
    await expect(writerPage.getByTestId("signed-in-as")).toContainText("Writer");
    // A new writer's desk holds only their own stories: none yet.
    await expect(writerPage.getByText("No stories yet.")).toBeVisible();
    await writerPage.screenshot({ path: "test-results/screens/writer-desk.png" });
  });

  test("disabling a user ends their session at their next request", async ({ browser }) => {
    const { admin, email, password } = await createUser(browser, "Dee Disabled", "WRITER");
    const page = await (await newContext(browser)).newPage();
    await signIn(page, email, password);

    await admin.getByTestId(`user-${email}`).getByRole("button", { name: "Disable" }).click();
    // The server's answer, not the name ("Dee Disabled" has the word already): the next request must come after it.
    await expect(admin.getByTestId(`user-${email}`).getByRole("status")).toHaveText("Disabled; their sessions have ended.");

    await page.goto("/admin/profile");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("That email and password do not match an active account.");
  });

  test("demoting an editor takes effect at their next request", async ({ browser }) => {
    const { admin, email, password: temporary } = await createUser(browser, "Dem Oted", "EDITOR");
    const page = await (await newContext(browser)).newPage();
    const password = await signInFirstTime(page, email, temporary);
    // Searched for: earlier specs' stories fill the desk's first page.
    const councilDraft = "/admin?q=Council+candidates+debate+housing";
    await page.goto(councilDraft);
    await expect(page.getByText("Council candidates debate housing")).toBeVisible();

    const row = admin.getByTestId(`user-${email}`);
    await row.getByLabel(/Role for/).selectOption("WRITER");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByRole("status")).toHaveText("Role changed.");

    await page.reload();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, email, password);
    await expect(page.getByTestId("signed-in-as")).toContainText("Writer");
    await page.goto(councilDraft);
    await expect(page.getByRole("heading", { name: "Stories" })).toBeVisible();
    await expect(page.getByText("Council candidates debate housing")).toHaveCount(0);
  });

  test("a user changes their password, with the rules explained where they type", async ({ browser }) => {
    const { email, password } = await createUser(browser, "Pat Password", "WRITER");
    const page = await (await newContext(browser)).newPage();
    await signIn(page, email, password);
    await page.goto("/admin/profile");
    await expect(page.getByText("You are using a temporary password.")).toBeVisible();

    await page.getByLabel("Current password").fill(password);
    await page.getByLabel("New password", { exact: true }).fill("password1234");
    await page.getByLabel("Repeat the new password").fill("password1234");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("This password is on the list of commonly used passwords.")).toBeVisible();
    // A refused submission keeps what was typed.
    await expect(page.getByLabel("Current password")).toHaveValue(password);
    await page.screenshot({ path: "test-results/screens/profile.png", fullPage: true });

    const fresh = `harbour-lights-${unique()}-2026`;
    await page.getByLabel("New password", { exact: true }).fill(fresh);
    await page.getByLabel("Repeat the new password").fill(fresh);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/login\?reason=password-changed/);
    await signIn(page, email, fresh);
  });

  test("a new user's temporary password must be changed before anything else", async ({ browser }) => {
    const { admin, email, password } = await createUser(browser, "Tia Temporary", "EDITOR");
    await expect(admin.getByTestId(`user-${email}`)).toContainText("Temporary password");
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, email, password);
    // Sent straight to the change screen, and back to it from every admin page.
    await expect(page).toHaveURL(/\/admin\/profile$/);
    await expect(page.getByText("You are using a temporary password.")).toBeVisible();
    for (const path of ["/admin", "/admin/articles/new", "/admin/media", "/admin/bylines"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/admin\/profile$/);
    }
    // Server Actions and route handlers refuse, too.
    const create = serverActionsInBuild().find((a) => a.name === "createArticleAction")!;
    const { body } = await callServerAction(context.request, "/admin/articles/new", create, {
      headline: "Not yet",
      slug: `not-yet-${unique()}`,
    });
    expect(actionOutcome(body)).toBe("forbidden");
    const upload = await context.request.post("/api/media", {
      headers: { Origin: E2E_URL },
      multipart: { file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("x") } },
    });
    expect(upload.status()).toBe(403);

    await page.goto("/admin/profile");
    await chooseOwnPassword(page, email, password);
    await page.goto("/admin");
    await expect(page).toHaveURL(`${E2E_URL}/admin`);
    await expect(page.getByRole("heading", { name: "Stories" })).toBeVisible();
    await admin.reload();
    await expect(admin.getByTestId(`user-${email}`)).not.toContainText("Temporary password");
  });
});
