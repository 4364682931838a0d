import type { Browser, Page } from "@playwright/test";
import { storageStatePath, type RoleName } from "../env";
import { readDatabase } from "../database";
import { adminHydrated, expect, newContext, test, unique } from "../fixtures";
import { apiAs, makeStory, move, readStory } from "../newsroom";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";

// Issue 20, deliver 4: people on one story know about each other; a returned story carries its
// note to the writer; notifications with unread counts.

async function as(browser: Browser, role: RoleName): Promise<Page> {
  return (await newContext(browser, { storageState: storageStatePath(role) })).newPage();
}
const userName = (email: string) => readDatabase((db) => db.prepare("SELECT name FROM User WHERE email = ?").pluck().get(email)) as string;

/**
 * A (admin) and B (editor) have one live story open. A removes " — A version" from the headline as
 * a minor fix (or makes `aFixes` instead); then B, still showing the story as it was, adds a
 * sentence to paragraph 2 only and saves as a minor fix, and meets the conflict. `beforeBSaves`
 * runs just before B's save.
 */
async function twoFixesAtOnce(
  browser: Browser,
  {
    aFixes = (a, headline) => a.getByLabel("Headline").fill(headline),
    beforeBSaves,
  }: { aFixes?: (a: Page, headline: string) => Promise<unknown>; beforeBSaves?: (b: Page) => Promise<unknown> } = {},
) {
  const api = await apiAs("editor");
  const headline = `Ferry resumes ${unique()}`;
  const story = await makeStory(api, `${headline} — A version`, "PUBLISHED", {
    paragraphs: ["The first ferry left at six.", "Passengers cheered on the quay."],
  });
  await api.dispose();
  const a = await as(browser, "admin");
  const b = await as(browser, "editor");
  for (const page of [a, b]) {
    await page.goto(`/admin/articles/${story.id}`);
    await adminHydrated(page);
    await expect(page.getByLabel("Headline")).toHaveValue(`${headline} — A version`);
  }

  // A makes their fix (by default removes " — A version" from the headline), as a minor fix.
  await aFixes(a, headline);
  await a.getByRole("button", { name: "Save as minor fix" }).click();
  await expect(a.getByTestId("save-state")).toHaveText(/All changes saved/);

  // B, still showing the old headline, adds a sentence to paragraph 2 only, as a minor fix.
  const bodyB = b.getByRole("textbox", { name: "Story body" });
  await bodyB.locator("p").nth(1).click();
  await b.keyboard.press("End");
  await b.keyboard.type(" The mayor was on board.");
  await beforeBSaves?.(b);
  await b.getByRole("button", { name: "Save as minor fix" }).click();
  const panel = b.locator("section.conflict");
  const adminName = userName("admin@e2e.dateline");
  await expect(panel.getByRole("heading", { name: new RegExp(`${adminName} saved this story at`) })).toBeVisible();
  return { story, headline, b, bodyB, panel, adminName };
}

test.describe("working together", () => {
  test.setTimeout(120_000);

  test("two editors on one story see each other, with the time each opened it; closing it clears the bar", async ({ browser }) => {
    const api = await apiAs("editor");
    const story = await makeStory(api, `Presence council budget ${unique()}`);
    await api.dispose();
    const editor = await as(browser, "editor");
    const admin = await as(browser, "admin");
    await editor.goto(`/admin/articles/${story.id}`);
    await expect(editor.getByLabel("Headline")).toHaveValue(story.headline);
    await admin.goto(`/admin/articles/${story.id}`);
    const editorName = userName("editor@e2e.dateline");
    const adminName = userName("admin@e2e.dateline");
    // The second to arrive learns it at once, before typing a word.
    await expect(admin.getByTestId("presence-bar")).toContainText(new RegExp(`${editorName} is editing, since \\d{2}:\\d{2}`));
    // The first learns it at their next heartbeat.
    await expect(editor.getByTestId("presence-bar")).toContainText(`${adminName} is editing, since`, { timeout: 20_000 });
    await admin.screenshot({ path: "test-results/presence-bar.png", fullPage: false });
    // The admin leaves: the editor's bar empties at the next heartbeat.
    await admin.goto("/admin");
    await expect(editor.getByTestId("presence-bar")).toHaveCount(0, { timeout: 20_000 });
  });

  test("an editor with a live story open hears, without saving, that someone else took it down, and can move it on from there", async ({
    browser,
  }) => {
    // A live story does not save by itself: without this notice the editor would learn of the
    // move only when their own save or move was refused.
    const api = await apiAs("editor");
    const story = await makeStory(api, `Heard of meanwhile ${unique()}`, "PUBLISHED");
    await api.dispose();
    const editor = await as(browser, "editor");
    await editor.goto(`/admin/articles/${story.id}`);
    await expect(editor.getByRole("heading", { name: /Status: Published/ })).toBeVisible();

    const admin = await apiAs("admin");
    await move(admin, story, "UNPUBLISHED", { reason: "Legal asked us to hold it." });
    await admin.dispose();
    await expect(editor.getByTestId("story-moved")).toContainText(
      new RegExp(`${userName("admin@e2e.dateline")} moved this story to Unpublished at \\d{2}:\\d{2} while you had it open`),
      { timeout: 20_000 },
    );
    // The page shows the story's status and moves as they are now, and they act on it as it is now.
    await expect(editor.getByRole("heading", { name: /Status: Unpublished/ })).toBeVisible();
    await editor.screenshot({ path: "test-results/story-moved-meanwhile.png" });
    await editor.getByRole("button", { name: "Return to draft" }).click();
    await expect(editor.getByRole("heading", { name: /Status: Draft/ })).toBeVisible();
    await expect(editor.locator("main").getByRole("alert")).toHaveCount(0);
  });

  test("an editor whose open story another saved and published takes on the new text, and their fix keeps it (a probe's minor fix reverted it)", async ({
    browser,
  }) => {
    const api = await apiAs("editor");
    const story = await makeStory(api, `Taken on meanwhile ${unique()}`, "DRAFT", { paragraphs: ["The council met on Monday."] });
    await api.dispose();
    const editor = await as(browser, "editor");
    await editor.goto(`/admin/articles/${story.id}`);
    const editorBody = editor.getByRole("textbox", { name: "Story body" });
    await expect(editorBody).toHaveText("The council met on Monday.");

    // The admin corrects a figure, saves and publishes, while the editor has the story open untouched.
    const admin = await as(browser, "admin");
    await admin.goto(`/admin/articles/${story.id}`);
    const adminBody = admin.getByRole("textbox", { name: "Story body" });
    await adminBody.click();
    await admin.keyboard.press("End");
    await admin.keyboard.type(" It approved 1,400 homes.");
    await admin.keyboard.press("Control+s");
    await expect(admin.getByTestId("save-state")).toHaveText(/All changes saved · Saved at/);
    const publisher = await apiAs("admin");
    await move(publisher, story, "PUBLISHED");
    await publisher.dispose();

    // The editor's page hears of it and shows the story as it is now: its status and its text.
    await expect(editor.getByRole("heading", { name: /Status: Published/ })).toBeVisible({ timeout: 20_000 });
    await expect(editorBody).toHaveText("The council met on Monday. It approved 1,400 homes.");
    await editorBody.click();
    // Taking on the new text is not an edit of this editor's to undo (an undo brought the old text back).
    await editor.keyboard.press("Control+z");
    await expect(editorBody).toHaveText("The council met on Monday. It approved 1,400 homes.");
    await editor.keyboard.press("Control+Home");
    await editor.keyboard.type("UPDATE: ");
    await editor.getByRole("button", { name: "Save as minor fix" }).click();
    await expect(editor.getByTestId("save-state")).toHaveText(/All changes saved/);
    const saved = readDatabase((db) => db.prepare("SELECT body FROM Article WHERE id = ?").pluck().get(story.id)) as string;
    expect(saved).toContain("UPDATE: The council met on Monday. It approved 1,400 homes.");
  });

  test("a draft deleted by another editor while it is open: the save says so and keeps the text as a new draft (every save answered 'does not exist')", async ({
    browser,
  }) => {
    const api = await apiAs("editor");
    const story = await makeStory(api, `Deleted meanwhile ${unique()}`);
    await api.dispose();
    const editor = await as(browser, "editor");
    await editor.goto(`/admin/articles/${story.id}`);
    await expect(editor.getByLabel("Headline")).toHaveValue(story.headline);
    await editor.getByLabel("Dek").fill("Written while someone else deleted the draft.");

    const admin = await apiAs("admin");
    const remove = serverActionsInBuild().find((a) => a.name === "deleteArticleAction")!;
    const deleted = await callServerAction(admin, `/admin/articles/${story.id}`, remove, {
      id: story.id,
      version: readStory(story.id).version,
    });
    expect(actionOutcome(deleted.body)).toBe("ok");
    await admin.dispose();

    await editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(
      editor.getByRole("heading", { name: "This story was deleted, or is no longer yours to see, while you were editing it" }),
    ).toBeVisible();
    await editor.getByRole("button", { name: "Save mine as a new draft" }).click();
    await expect(editor).not.toHaveURL(new RegExp(story.id));
    await expect(editor).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(editor.getByLabel("Dek")).toHaveValue("Written while someone else deleted the draft.");
    await expect(editor.getByLabel("Headline")).toHaveValue(story.headline);
  });

  test("deleting a draft someone else has open names them in the question first (the deleter was not told)", async ({ browser }) => {
    const api = await apiAs("editor");
    const story = await makeStory(api, `Open elsewhere ${unique()}`);
    await api.dispose();
    const editor = await as(browser, "editor");
    await editor.goto(`/admin/articles/${story.id}`);
    await expect(editor.getByLabel("Headline")).toHaveValue(story.headline);
    const admin = await as(browser, "admin");
    await admin.goto(`/admin/articles/${story.id}`);
    await adminHydrated(admin);
    const asked: string[] = [];
    // Cancelled first: nothing goes.
    admin.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await admin.getByRole("button", { name: "Delete draft" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe(
      `${userName("editor@e2e.dateline")} has this draft open now. Delete this draft for good? It has never been published.`,
    );
    expect(readStory(story.id)).toBeTruthy();
    // Once the editor has left, the question is the plain one.
    await editor.goto("/admin");
    await expect(admin.getByTestId("presence-bar")).toHaveCount(0, { timeout: 20_000 });
    admin.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await admin.getByRole("button", { name: "Delete draft" }).click();
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toBe("Delete this draft for good? It has never been published.");
  });

  test("a writer whose story an editor published meanwhile meets the conflict, offered a new draft and not an overwrite they may not make", async ({
    browser,
  }) => {
    const api = await apiAs("writer");
    const story = await makeStory(api, `Published meanwhile ${unique()}`, "IN_REVIEW");
    await api.dispose();
    const writer = await as(browser, "writer");
    await writer.goto(`/admin/articles/${story.id}`);
    // Hydrated first: a fill's select-all made just before hydration puts the caret at the start of
    // the text React puts back, and the fill's text went before it (CI, under load).
    await adminHydrated(writer);
    await writer.getByLabel("Dek").fill("The writer's last change.");
    const publisher = await apiAs("editor");
    await move(publisher, story, "PUBLISHED");
    await publisher.dispose();
    await writer.getByRole("button", { name: "Save", exact: true }).click();
    const panel = writer.locator("section.conflict");
    await expect(panel).toContainText("The story is no longer yours to edit", { timeout: 20_000 });
    await expect(panel.getByRole("button", { name: /Keep mine/ })).toHaveCount(0);
    await expect(panel.getByRole("button", { name: "Save mine as a new draft" })).toBeVisible();
    await expect(writer.getByLabel("Dek")).toHaveValue("The writer's last change.");
  });

  test("a save stored while its answer was lost is not a conflict with itself: the next save goes onto it", async ({ browser }) => {
    const api = await apiAs("editor");
    const story = await makeStory(api, `Lost answer ${unique()}`, "DRAFT", { paragraphs: ["First paragraph."] });
    await api.dispose();
    const page = await (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
    let dropped = 0;
    const save = serverActionsInBuild().find((a) => a.name === "updateArticleAction")!.id;
    // The first save reaches the server and is stored; its answer never reaches the browser.
    await page.route(`**/admin/articles/${story.id}`, async (route) => {
      if (route.request().headers()["next-action"] !== save || dropped > 0) return route.continue();
      dropped++;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.goto(`/admin/articles/${story.id}`);
    const body = page.getByRole("textbox", { name: "Story body" });
    await expect(body).toHaveText("First paragraph.");
    await body.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Typed once.");
    const stored = () => readDatabase((db) => db.prepare("SELECT body FROM Article WHERE id = ?").pluck().get(story.id)) as string;
    await expect.poll(stored, { timeout: 20_000 }).toContain("Typed once.");
    await expect.poll(() => dropped).toBe(1);
    await page.keyboard.type(" And twice.");
    await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/, { timeout: 30_000 });
    await expect(page.locator("section.conflict")).toHaveCount(0);
    expect(stored()).toContain("First paragraph. Typed once. And twice.");
  });

  test("changes kept in this browser are shown in the body when the story is opened again, and saved with what is typed next (they were hidden, then lost)", async ({
    browser,
  }) => {
    const api = await apiAs("editor");
    const story = await makeStory(api, `Restored body ${unique()}`, "DRAFT", { paragraphs: ["First paragraph."] });
    await api.dispose();
    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    const first = await context.newPage();
    // The server does not answer (a crash, a dropped network): what is typed stays in this browser only.
    await first.route(`**/admin/articles/${story.id}`, (route) =>
      route.request().method() === "POST" ? route.abort("connectionreset") : route.continue(),
    );
    await first.goto(`/admin/articles/${story.id}`);
    const firstBody = first.getByRole("textbox", { name: "Story body" });
    await expect(firstBody).toHaveText("First paragraph.");
    await firstBody.click();
    await first.keyboard.press("End");
    await first.keyboard.type(" Typed before the crash.");
    await expect
      .poll(() => first.evaluate((key) => localStorage.getItem(key) ?? "", `dateline:draft:${story.id}`))
      .toContain("Typed before the crash.");
    await first.close({ runBeforeUnload: false });

    const again = await context.newPage();
    await again.goto(`/admin/articles/${story.id}`);
    await expect(again.getByText("Restored changes from this browser that had not been saved.")).toBeVisible();
    const body = again.getByRole("textbox", { name: "Story body" });
    await expect(body).toHaveText("First paragraph. Typed before the crash.");
    await body.click();
    await again.keyboard.press("Control+End");
    await again.keyboard.type(" And after.");
    await expect(again.getByTestId("save-state")).toHaveText(/All changes saved · Draft autosaved/, { timeout: 20_000 });
    const saved = readDatabase((db) => db.prepare("SELECT body FROM Article WHERE id = ?").pluck().get(story.id)) as string;
    expect(saved).toContain("First paragraph. Typed before the crash. And after.");
  });

  test("two editors fix a live story at once, one the headline, the other a paragraph: keeping mine keeps both fixes (a probe's minor fix put the old headline back live)", async ({
    browser,
  }) => {
    const { story, headline, b, bodyB, panel, adminName } = await twoFixesAtOnce(browser);

    // Before any click, the panel says what keeping mine does: their headline stays, nothing of theirs is overwritten.
    const summary = panel.locator("#conflict-keep-summary");
    await expect(summary).toContainText(`Headline: ${adminName}'s change stays (only ${adminName} changed it)`);
    await expect(summary).toContainText("Body: your change is saved (only you changed it)");
    await expect(summary).toContainText(`Nothing of ${adminName}'s is overwritten`);
    await expect(panel.getByRole("button", { name: "Keep mine as a minor fix" })).toHaveAccessibleDescription(/Headline: .* change stays/);

    // The differences say who changed each field: the headline is theirs, not "+ your version".
    await panel.getByRole("button", { name: "Show the differences" }).click();
    const headlineDiff = panel.getByRole("region", { name: /^Headline/ });
    await expect(headlineDiff.getByRole("heading")).toHaveText(`Headline — changed by ${adminName}`);
    await expect(headlineDiff).toContainText(`Kept as ${adminName} saved it.`);
    await expect(panel.getByRole("region", { name: /^Body/ }).getByRole("heading")).toHaveText("Body — changed by you");
    await expect(panel.getByRole("region", { name: /changed by both/ })).toHaveCount(0);
    await panel.screenshot({ path: "test-results/conflict-three-way.png" });

    await panel.getByRole("button", { name: "Keep mine as a minor fix" }).click();
    await expect(b.getByTestId("save-state")).toHaveText(/All changes saved/);
    await expect(panel).toHaveCount(0);
    // B's form now shows the story as saved: A's headline and B's sentence.
    await expect(b.getByLabel("Headline")).toHaveValue(headline);
    await expect(bodyB).toContainText("Passengers cheered on the quay. The mayor was on board.");

    // Readers get both fixes.
    const reader = await newContext(browser);
    await expect
      .poll(async () => (await reader.request.get(`/${story.section}/${story.slug}`)).text(), { timeout: 10_000 })
      .toContain("The mayor was on board.");
    const live = await (await reader.request.get(`/${story.section}/${story.slug}`)).text();
    expect(live).toContain(headline);
    expect(live).not.toContain("A version");
  });

  test("two editors fix different paragraphs of a live story at once: keeping mine keeps both (the body was kept whole, undoing theirs)", async ({
    browser,
  }) => {
    const { story, b, bodyB, panel, adminName } = await twoFixesAtOnce(browser, {
      aFixes: async (a) => {
        await a.getByRole("textbox", { name: "Story body" }).locator("p").first().click();
        await a.keyboard.press("End");
        await a.keyboard.type(" It was full.");
      },
    });

    const summary = panel.locator("#conflict-keep-summary");
    await expect(summary).toContainText(`Body: both changes are kept (you and ${adminName} changed different parts of it)`);
    await expect(summary).toContainText(`Nothing of ${adminName}'s is overwritten: no part was changed by both of you`);
    await panel.getByRole("button", { name: "Show the differences" }).click();
    const bodyDiff = panel.getByRole("region", { name: /^Body/ });
    await expect(bodyDiff.getByRole("heading")).toHaveText("Body — changed by both of you, in different places");
    await expect(bodyDiff).toContainText("Both changes are kept.");
    await expect(bodyDiff).toContainText("The first ferry left at six. It was full.");
    await expect(bodyDiff).toContainText("Passengers cheered on the quay. The mayor was on board.");
    await panel.screenshot({ path: "test-results/conflict-both-kept.png" });

    await panel.getByRole("button", { name: "Keep mine as a minor fix" }).click();
    await expect(b.getByTestId("save-state")).toHaveText(/All changes saved/);
    await expect(panel).toHaveCount(0);
    await expect(bodyB).toContainText("The first ferry left at six. It was full.");
    await expect(bodyB).toContainText("Passengers cheered on the quay. The mayor was on board.");

    // Readers get both fixes.
    const reader = await newContext(browser);
    await expect
      .poll(async () => (await reader.request.get(`/${story.section}/${story.slug}`)).text(), { timeout: 10_000 })
      .toContain("The mayor was on board.");
    expect(await (await reader.request.get(`/${story.section}/${story.slug}`)).text()).toContain("It was full.");
  });

  test("two editors fix the same paragraph and one another too: keeping mine overwrites theirs only in the paragraph both changed, and says so (it said their whole change was lost)", async ({
    browser,
  }) => {
    const { b, bodyB, panel, adminName } = await twoFixesAtOnce(browser, {
      aFixes: async (a) => {
        const body = a.getByRole("textbox", { name: "Story body" });
        await body.locator("p").first().click();
        await a.keyboard.press("End");
        await a.keyboard.type(" It was full.");
        await body.locator("p").nth(1).click();
        await a.keyboard.press("End");
        await a.keyboard.type(" Loudly.");
      },
    });

    const summary = panel.locator("#conflict-keep-summary");
    await expect(summary).toContainText(
      `Body: where you both changed the same part, ${adminName}'s change is overwritten by yours; ${adminName}'s changes elsewhere in it are kept.`,
    );
    await expect(summary).not.toContainText("Nothing of");
    await panel.getByRole("button", { name: "Show the differences" }).click();
    const bodyDiff = panel.getByRole("region", { name: /^Body/ });
    await expect(bodyDiff.getByRole("heading")).toHaveText("Body — changed by both of you");
    await expect(bodyDiff).toContainText(`Where you both changed the same part, keeping yours overwrites ${adminName}'s change`);
    await panel.screenshot({ path: test.info().outputPath("conflict-body-clash.png") });

    await panel.getByRole("button", { name: "Keep mine as a minor fix" }).click();
    await expect(b.getByTestId("save-state")).toHaveText(/All changes saved/);
    await expect(bodyB).toContainText("The first ferry left at six. It was full.");
    await expect(bodyB).toContainText("Passengers cheered on the quay. The mayor was on board.");
    await expect(bodyB).not.toContainText("Loudly.");
  });

  test("a read of their version that fails says so in the summary, and reading it again works it out (it stayed at 'Working out…')", async ({
    browser,
  }) => {
    const reads = new Set(
      serverActionsInBuild()
        .filter((action) => action.name === "loadEditorDataAction")
        .map((action) => action.id),
    );
    let dropReads = true;
    const { b, panel, adminName } = await twoFixesAtOnce(browser, {
      beforeBSaves: (page) =>
        page.route("**/admin/articles/**", (route) =>
          dropReads && reads.has(route.request().headers()["next-action"] ?? "") ? route.abort("connectionreset") : route.continue(),
        ),
    });
    const summary = panel.locator("#conflict-keep-summary");
    await expect(summary).toHaveText(new RegExp(`Which fields each of you changed is not known: ${adminName}'s version could not be read`));
    await expect(panel.getByRole("status")).toHaveText(
      "The connection to the server dropped before its answer came. Try again once the connection is back.",
    );
    await b.screenshot({ path: "test-results/conflict-read-failed.png" });

    dropReads = false;
    await summary.getByRole("button", { name: "Read it again" }).click();
    await expect(summary).toContainText(`Headline: ${adminName}'s change stays (only ${adminName} changed it)`);
    await expect(panel.getByRole("status")).toHaveCount(0);
  });
  test("a story returned with a note: the note is required, and the writer sees it on the story, on the desk and in notifications with an unread count", async ({
    browser,
  }) => {
    const writerApi = await apiAs("writer");
    const story = await makeStory(writerApi, `Returned school closures ${unique()}`, "IN_REVIEW");
    await writerApi.dispose();

    // The editors hear of the submission.
    const editor = await as(browser, "editor");
    await editor.goto("/admin/notifications");
    await expect(editor.getByTestId("notifications")).toContainText(`${story.headline} was submitted for review by`);
    await expect(editor.getByTestId("notifications-link")).toHaveAttribute("aria-label", /Notifications, \d+ unread/);

    await editor.goto(`/admin/articles/${story.id}`);
    await editor.getByRole("button", { name: "Return to draft" }).click();
    await expect(editor.locator("#return-note-error")).toHaveText(
      "Write a note for the writer: what the story needs before it comes back.",
    );
    await editor.getByLabel(/Note for the writer/).fill("Needs a second source for the <b>mayor's</b> quote.");
    await editor.getByRole("button", { name: "Return to draft" }).click();
    await expect(editor.locator(".workflow")).toContainText("Draft");

    const writer = await as(browser, "writer");
    await writer.goto("/admin");
    const unread = writer.getByTestId("notifications-link");
    await expect(unread).toHaveAttribute("aria-label", /Notifications, \d+ unread/);
    const row = writer.getByRole("row").filter({ hasText: story.headline });
    await expect(row.getByTestId("desk-return-note")).toHaveText(
      `Returned by ${userName("editor@e2e.dateline")}: Needs a second source for the <b>mayor's</b> quote.`,
    );
    await writer.goto(`/admin/articles/${story.id}`);
    await expect(writer.getByTestId("return-note")).toContainText("Needs a second source for the <b>mayor's</b> quote.");
    await writer.goto("/admin/notifications");
    const item = writer.getByTestId("notifications").locator("li").filter({ hasText: story.headline }).first();
    await expect(item).toContainText("was returned to its writer by");
    await expect(item).toContainText("Needs a second source");
    await expect(item.getByRole("button", { name: "Mark read" })).toBeVisible();
    await writer.screenshot({ path: "test-results/notifications.png", fullPage: true });
    await writer.getByRole("button", { name: "Mark all as read" }).click();
    await expect(writer.getByTestId("notifications-link")).toHaveAttribute("aria-label", "Notifications");
    await expect(writer.getByText("Nothing unread.")).toBeVisible();

    // Resubmitting clears the note from the story and the desk.
    await writer.goto(`/admin/articles/${story.id}`);
    await writer.getByRole("button", { name: "Submit for review" }).click();
    await expect(writer.locator(".workflow")).toContainText("In review");
    await writer.reload();
    await expect(writer.getByTestId("return-note")).toHaveCount(0);
  });
});
