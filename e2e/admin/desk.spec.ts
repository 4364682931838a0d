import type { Browser, Page } from "@playwright/test";
import { E2E_ENGINE, E2E_ENV, storageStatePath, type RoleName } from "../env";
import { adminHydrated, expect, holdScripts, newContext, scheduleFromEditor, test, unique } from "../fixtures";
import { apiAs, makeStory, move, openStory } from "../newsroom";
import { readDatabase } from "../database";
import { serverActionsInBuild } from "../server-actions";
import { makePhoto } from "../../lib/test/images";

async function as(browser: Browser, role: RoleName): Promise<Page> {
  return (await newContext(browser, { storageState: storageStatePath(role) })).newPage();
}

/** A new story open at the desk, `text` typed into its body, and the keyboard there. */
async function newStoryBody(browser: Browser, text: string) {
  const page = await as(browser, "editor");
  await page.goto("/admin/articles/new");
  await adminHydrated(page);
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  await page.keyboard.type(text);
  return { page, body };
}

/**
 * A slow link for the tag box: each new tag's creation is held half a second, then sent on, or
 * dropped as a lost connection while `refuse` is set. `asked` counts the creations sent.
 */
async function slowTagCreations(page: Page) {
  const ids = new Set(
    serverActionsInBuild()
      .filter((action) => action.name === "createTagAction")
      .map((action) => action.id),
  );
  const creations = { asked: 0, refuse: false };
  await page.route("**/admin/articles/**", async (route) => {
    if (!ids.has(route.request().headers()["next-action"] ?? "")) return route.continue();
    creations.asked += 1;
    await new Promise((resolve) => setTimeout(resolve, 500));
    return creations.refuse ? route.abort("connectionreset") : route.continue();
  });
  return creations;
}

/** The whole second `seconds` ahead, as the desk's time field takes it ("2026-12-02T14:05:30") in UTC (the e2e newsroom's zone). */
const utcLocal = (seconds: number) => new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000).toISOString().slice(0, 19);

async function writeDraft(page: Page, headline: string) {
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await expect(page.getByLabel("Slug")).toHaveValue(/^[a-z0-9-]+$/);
  await page.getByLabel("Dek").fill("Two sources and a photo, written in the browser.");
  await page.getByLabel("Dateline", { exact: true }).fill("PORT ELLIS");
  await page.getByLabel("Section").selectOption({ label: "World" });
  await page.getByLabel("Add a byline").selectOption({ label: "Daniel Reyes" });
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  await page.keyboard.type("“We are ready,” the harbour master said on Monday.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("The ferry will run twice a day.");
  return body;
}

test.describe("the article desk", () => {
  test.setTimeout(150_000);

  test("a writer drafts and submits; an editor schedules, corrects and renames; readers follow", async ({ browser }) => {
    const writer = await as(browser, "writer");
    const headline = `Ferry ready for its first crossing ${unique()}`;
    await writeDraft(writer, headline);

    // A link with a script URL is refused where it was typed; a web link is accepted.
    await writer.getByRole("textbox", { name: "Story body" }).getByText("The ferry will run twice a day.").click({ clickCount: 3 });
    await writer.keyboard.press("Control+k");
    await writer.getByLabel("Link address").fill("javascript:alert(1)");
    await writer.getByRole("button", { name: "Apply link" }).click();
    await expect(writer.getByText("Links must start with http://, https:// or mailto:.")).toBeVisible();
    await writer.getByLabel("Link address").fill("https://example.org/ferry-timetable");
    await writer.getByRole("button", { name: "Apply link" }).click();
    await expect(writer.getByRole("textbox", { name: "Story body" }).locator('a[href="https://example.org/ferry-timetable"]')).toHaveText(
      "The ferry will run twice a day.",
    );

    await writer.getByRole("button", { name: "Add a source" }).click();
    await writer.getByRole("button", { name: "Add a source" }).click();
    await writer.getByLabel("URL", { exact: true }).nth(0).fill("https://example.org/ferry/timetable.pdf");
    await writer.getByLabel("Title", { exact: true }).nth(0).fill("Ferry timetable");
    await writer.getByLabel("URL", { exact: true }).nth(1).fill("https://example.org/ferry/timetable.pdf");
    await expect(writer.getByText("This URL is already source 1.")).toBeVisible();
    await writer.getByLabel("URL", { exact: true }).nth(1).fill("https://example.org/transport/statement");
    await writer.getByLabel("Title", { exact: true }).nth(1).fill("Transport authority statement");
    // Publisher, kind, dates, archived copy and note wait in a disclosure (issue 15).
    await writer.getByText("More (optional)").nth(1).click();
    await writer.getByLabel("Kind").nth(1).selectOption("STATEMENT");

    await writer.locator("#hero-search").fill("Jonas Berg");
    await writer.getByRole("radio", { name: /Jonas Berg/ }).check();
    await expect(writer.getByTestId("credit-preview")).toContainText("Jonas Berg/Dateline");
    await writer.getByRole("button", { name: "Create draft" }).click();
    await expect(writer).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(writer.getByText("All changes saved")).toBeVisible();
    await writer.screenshot({ path: "test-results/screens/editor.png", fullPage: true });
    const editUrl = writer.url();

    await expect(writer.getByRole("button", { name: "Publish now" })).toHaveCount(0);
    await writer.getByRole("button", { name: "Submit for review" }).click();
    await expect(writer.getByRole("heading", { name: /Status: In review/ })).toBeVisible();

    // The editor tightens the dek, then schedules the story 30 s ahead, to the second.
    const editor = await as(browser, "editor");
    await editor.goto(editUrl);
    await editor.getByLabel("Dek").fill("The first crossing is on Monday.");
    await editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(editor.getByText("All changes saved")).toBeVisible();
    const goesLive = utcLocal(30);
    await scheduleFromEditor(editor, goesLive);
    await expect(editor.getByRole("heading", { name: /Status: Scheduled/ })).toBeVisible();
    if (E2E_ENGINE !== "postgresql") {
      // The server reads the time as typed, seconds included (the dialog's own reading of it).
      const stored = readDatabase((db) =>
        db.prepare("SELECT scheduledFor FROM Article WHERE headline = ?").pluck().get(headline),
      ) as string;
      expect(new Date(stored).toISOString()).toBe(`${goesLive}.000Z`);
    }

    const slug = await editor.getByLabel("Slug").inputValue();
    const publicPath = `/world/${slug}`;
    expect((await editor.request.get(publicPath)).status()).toBe(404);
    await expect.poll(async () => (await editor.request.get(publicPath)).status(), { timeout: 100_000, intervals: [2000] }).toBe(200);

    const reader = await (await newContext(browser)).newPage();
    await reader.goto(publicPath);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(reader.getByRole("link", { name: "Ferry timetable" })).toBeVisible();
    await expect(reader.locator("figcaption")).toContainText("Jonas Berg/Dateline");
    await expect(reader.locator(".article-body a")).toHaveAttribute("href", "https://example.org/ferry-timetable");

    // A correction on the live story.
    await editor.reload();
    await expect(editor.getByRole("heading", { name: /Status: Published/ })).toBeVisible();
    await editor.getByLabel("Note readers will see").fill("An earlier version gave the wrong day for the first crossing.");
    await editor.getByRole("button", { name: "Add to the story" }).click();
    await expect(editor.locator(".correction-list")).toContainText("wrong day");
    await reader.reload();
    await expect(reader.getByRole("region", { name: "Corrections and updates" })).toContainText("wrong day");

    // Renaming the slug keeps the old address answering with a 308.
    await editor.getByLabel("Slug").fill(`${slug}-renamed`);
    // What the two saves of a live story do is said in words (touch screens show no tooltips).
    await expect(editor.getByText("A material update shows readers a new “Updated” time; a minor fix (a typo) does not.")).toBeVisible();
    await expect(editor.getByRole("button", { name: "Save as minor fix" })).toHaveAccessibleDescription(/a minor fix \(a typo\) does not/);
    await editor.getByRole("button", { name: "Save as material update" }).click();
    await expect(editor.getByText("All changes saved")).toBeVisible();
    const old = await editor.request.get(publicPath, { maxRedirects: 0 });
    expect(old.status()).toBe(308);
    expect(old.headers()["location"]).toContain(`/world/${slug}-renamed`);
  });

  /** A draft two people edit at once: the admin saves a dek first, then the editor's save of theirs meets the conflict panel. */
  async function conflictOnDek(browser: Browser, editorsDek: string) {
    const writer = await as(browser, "editor");
    await writeDraft(writer, `Conflict test ${unique()}`);
    await writer.getByRole("button", { name: "Create draft" }).click();
    await expect(writer).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(writer.getByText("All changes saved")).toBeVisible();
    const url = writer.url();
    const first = await as(browser, "admin");
    const second = await as(browser, "editor");
    await first.goto(url);
    await second.goto(url);
    await first.getByLabel("Dek").fill("The admin's dek.");
    await second.getByLabel("Dek").fill(editorsDek);
    await first.getByRole("button", { name: "Save", exact: true }).click();
    await expect(first.getByText("All changes saved")).toBeVisible();
    await second.getByRole("button", { name: "Save", exact: true }).click();
    await expect(second.getByRole("heading", { name: /E2E admin saved this story at/ })).toBeVisible();
    return { first, second };
  }

  test("two editors on one story: the second save shows the conflict and loses nothing", async ({ browser }) => {
    const { first, second } = await conflictOnDek(browser, "The editor's dek, written at the same time.");
    await expect(second.getByLabel("Dek")).toHaveValue("The editor's dek, written at the same time.");
    // A tag added after the refused save is part of "mine" too, and the diff names it.
    await second.getByLabel("Add a tag").fill("Elections");
    await second.getByRole("button", { name: "Add tag" }).click();
    await second.getByRole("button", { name: "Show the differences" }).click();
    await expect(second.locator(".field-diff")).toContainText("The admin's dek.");
    await expect(second.locator(".field-diff section").filter({ hasText: /^Tags/ }).locator(".diff-added")).toHaveText("+ Elections");
    // Another tag after the comparison: the diff is made again for it, not shown with a name it lacks.
    await second.getByLabel("Add a tag").fill("Energy");
    await second.getByRole("button", { name: "Add tag" }).click();
    await second.getByRole("button", { name: "Show the differences again" }).click();
    await expect(second.locator(".field-diff section").filter({ hasText: /^Tags/ }).locator(".diff-added")).toHaveText([
      "+ Elections",
      "+ Energy",
    ]);
    await second.screenshot({ path: "test-results/screens/conflict.png", fullPage: true });
    // From the keyboard: once kept, the panel goes, and the focus goes to Save, where the save is said.
    await second.getByRole("button", { name: /Keep mine/ }).focus();
    await second.keyboard.press("Enter");
    await expect(second.getByText("All changes saved")).toBeVisible();
    await expect(second.getByRole("heading", { name: /E2E admin saved this story at/ })).toHaveCount(0);
    await expect(second.getByRole("button", { name: "Save", exact: true })).toBeFocused();
    await expect(second.getByTestId("save-state-said")).toHaveText(/^Saved at \d{2}:\d{2}\.$/);
    await first.reload();
    await expect(first.getByLabel("Dek")).toHaveValue("The editor's dek, written at the same time.");
  });

  test("after a conflict, 'Discard mine, load theirs' loads theirs and forgets mine (the reload brought mine back from the browser, with the conflict)", async ({
    browser,
  }) => {
    const { second } = await conflictOnDek(browser, "The editor's dek, to be dropped.");
    second.once("dialog", (dialog) => void dialog.accept());
    await second.getByRole("button", { name: "Discard mine, load theirs" }).click();
    await expect(second.getByLabel("Dek")).toHaveValue("The admin's dek.");
    await expect(second.getByText("Restored changes from this browser")).toHaveCount(0);
    await expect(second.getByRole("heading", { name: /E2E admin saved this story at/ })).toHaveCount(0);
    await expect(second.getByTestId("save-state")).toHaveText(/All changes saved/);
  });

  test("a story that goes live while an editor works on it: the refused save says so and asks how readers should see the change", async ({
    browser,
  }) => {
    // The story is made through e2e/newsroom.ts, which reads the SQLite file: not in the PostgreSQL journey.
    test.skip(E2E_ENGINE === "postgresql", "makes its story through e2e/newsroom.ts (SQLite)");
    const api = await apiAs("editor");
    const story = await makeStory(api, `Goes live meanwhile ${unique()}`, "IN_REVIEW");
    const page = await as(browser, "editor");
    await page.goto(`/admin/articles/${story.id}`);
    await adminHydrated(page);
    await expect(page.getByRole("button", { name: "Save as material update" })).toHaveCount(0);
    // Meanwhile it goes live (the scheduler at its time does the same).
    await move(api, story, "PUBLISHED");
    await page.getByLabel("Dek").fill("Written before it went live.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("heading", { name: /^This story was published at .* while you were editing$/ })).toBeVisible();
    // The page shows the story as it is now, live, and nothing typed is lost.
    await expect(page.getByRole("button", { name: "Save as material update" })).toBeVisible();
    await expect(page.getByLabel("Dek")).toHaveValue("Written before it went live.");
    await expect(page.getByRole("heading", { name: /^This story was published at .* while you were editing$/ })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/conflict-went-live.png", fullPage: true });
    await expect(page.getByRole("button", { name: /^Keep mine \(/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Keep mine as a minor fix" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/);
    // The panel went with the button: the keyboard is on the save of the kind kept.
    await expect(page.getByRole("button", { name: "Save as minor fix" })).toBeFocused();
    const reader = await newContext(browser);
    await expect
      .poll(async () => (await reader.request.get(`/${story.section}/${story.slug}`)).text(), { timeout: 10_000 })
      .toContain("Written before it went live.");
    await api.dispose();
  });

  test("a live story cannot be saved without its section: the refusal stands at the field, and readers keep the story where it was", async ({
    browser,
  }) => {
    // The story is made through e2e/newsroom.ts, which reads the SQLite file: not in the PostgreSQL journey.
    test.skip(E2E_ENGINE === "postgresql", "makes its story through e2e/newsroom.ts (SQLite)");
    const api = await apiAs("editor");
    const story = await makeStory(api, `Live without a section ${unique()}`, "PUBLISHED");
    const page = await as(browser, "editor");
    await page.goto(`/admin/articles/${story.id}`);
    await adminHydrated(page);
    await page.getByLabel("Section").selectOption({ label: "No section yet" });
    await page.getByRole("button", { name: "Save as material update" }).click();
    // It was saved ("All changes saved"), and the live story moved to /news/<slug>.
    await expect(page.getByText("A live story needs a section.")).toBeVisible();
    await expect(page.getByText("This story is live, so it needs a section. Nothing was saved.")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/live-needs-section.png", fullPage: true });
    expect((await page.request.get(`/${story.section}/${story.slug}`, { maxRedirects: 0 })).status()).toBe(200);
    // Choosing its section again takes the message away: nothing differs from what is saved.
    await page.getByLabel("Section").selectOption({ label: "World" });
    await expect(page.getByText("A live story needs a section.")).toHaveCount(0);
    await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/);
    await api.dispose();
  });

  test("a live story's save that meets a dropped connection is tried again by itself, as the save asked for (it stayed at 'Unsaved changes')", async ({
    browser,
  }) => {
    test.skip(E2E_ENGINE === "postgresql", "makes its story through e2e/newsroom.ts (SQLite)");
    const api = await apiAs("editor");
    const story = await makeStory(api, `Live retry ${unique()}`, "PUBLISHED");
    const page = await as(browser, "editor");
    await page.goto(`/admin/articles/${story.id}`);
    await adminHydrated(page);
    await page.context().setOffline(true);
    await page.getByLabel("Dek").fill("Changed while the connection was down.");
    await page.getByRole("button", { name: "Save as material update" }).click();
    await expect(page.getByTestId("save-state")).toHaveText("Not saved yet: trying again by itself");
    await expect(page.getByRole("button", { name: "Try again now" })).toBeVisible();
    await page.context().setOffline(false);
    await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/, { timeout: 20_000 });
    // Saved as the editor asked: a material update, which readers see as an "Updated" time.
    const saved = readDatabase(
      (db) =>
        db.prepare("SELECT dek, contentUpdatedAt FROM Article WHERE id = ?").get(story.id) as {
          dek: string;
          contentUpdatedAt: string | null;
        },
    );
    expect(saved.dek).toBe("Changed while the connection was down.");
    expect(saved.contentUpdatedAt).not.toBeNull();

    // "Try again now" sends that save again, as it was: a minor fix stays one (it sent an autosave,
    // which a live story refuses, and cancelled the retry).
    const actions = (url: URL) => url.pathname.startsWith("/admin/articles/");
    await page.route(actions, (route) =>
      route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort("connectionreset") : route.continue(),
    );
    await page.getByLabel("Dek").fill("A minor fix sent again by hand.");
    await page.getByRole("button", { name: "Save as minor fix" }).click();
    await expect(page.getByTestId("save-state")).toHaveText("Not saved yet: trying again by itself");
    await page.unroute(actions);
    await page.getByRole("button", { name: "Try again now" }).click();
    await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/);
    const fixed = readDatabase(
      (db) =>
        db.prepare("SELECT dek, contentUpdatedAt FROM Article WHERE id = ?").get(story.id) as {
          dek: string;
          contentUpdatedAt: string | null;
        },
    );
    expect(fixed).toEqual({ dek: "A minor fix sent again by hand.", contentUpdatedAt: saved.contentUpdatedAt });
    await api.dispose();
  });

  test("a correction or a photo detail that is too long is refused with its reason at the field, and the text stays", async ({
    browser,
  }) => {
    test.skip(E2E_ENGINE === "postgresql", "makes its story through e2e/newsroom.ts (SQLite)");
    const api = await apiAs("editor");
    const photo = readDatabase((db) => db.prepare("SELECT id FROM Image ORDER BY createdAt LIMIT 1").pluck().get()) as string;
    const story = await makeStory(api, `Refusals at the field ${unique()}`, "PUBLISHED", { hero: photo });
    const page = await as(browser, "editor");
    await page.goto(`/admin/articles/${story.id}`);
    await adminHydrated(page);

    // A correction past 2,000 characters: the server's reason, under the note, which is kept.
    const note = page.getByLabel("Note readers will see");
    await note.fill("An earlier version misstated the date. ".repeat(52));
    await page.getByRole("button", { name: "Add to the story" }).click();
    await expect(page.locator("#correction-text-error")).toHaveText("Keep the note under 2000 characters.");
    await expect(note).toHaveAttribute("aria-invalid", "true");
    await expect(note).toHaveValue("An earlier version misstated the date. ".repeat(52));
    await note.fill("An earlier version misstated the date.");
    await expect(page.locator("#correction-text-error")).toHaveText("");
    await page.getByRole("button", { name: "Add to the story" }).click();
    await expect(page.locator(".correction-list")).toContainText("misstated the date");

    // Alt text past 500 characters: said at the alt text, not only at the top of the page.
    const alt = page.getByLabel("Alt text for this story");
    await alt.fill("A long description of the photo. ".repeat(16));
    await page.getByRole("button", { name: "Save as material update" }).click();
    await expect(page.locator("#hero-altText-error")).toContainText("Alt text can be at most 500 characters");
    await expect(alt).toHaveAttribute("aria-invalid", "true");
    await page.locator(".hero-overrides").screenshot({ path: "test-results/screens/hero-refused.png" });
    await alt.fill("Crews at the bridge at dawn.");
    await expect(page.locator("#hero-altText-error")).toHaveText("");
    await api.dispose();
  });

  test("a new story's later saves leave the editor as it is: focus stays in the body and typing goes on (a probe's second autosave reloaded the editor)", async ({
    browser,
  }) => {
    const page = await as(browser, "writer");
    await page.goto("/admin/articles/new");
    await adminHydrated(page);
    await page.getByLabel("Headline").fill(`Terminal reopens ${unique()}`);
    const state = page.getByTestId("save-state");
    // The first autosave creates the story; the address names it, and the editor is still the new story's.
    await expect(state).toHaveText(/All changes saved/, { timeout: 15_000 });
    await expect(page).toHaveURL(/\/admin\/articles\/new\?story=c[a-z0-9]{20,}$/);
    const body = page.getByRole("textbox", { name: "Story body" });
    await body.click();
    await body.evaluate((element) => element.setAttribute("data-same-editor", "yes"));
    await page.keyboard.type("The first paragraph.");
    // The second autosave, then a save from the keyboard: the same editor, focus still in the body.
    await expect(state).toHaveText(/All changes saved/, { timeout: 15_000 });
    await page.keyboard.type(" And more.");
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await page.keyboard.press("Control+s");
    await saved;
    await page.keyboard.type(" Still here.");
    await expect(body).toHaveText("The first paragraph. And more. Still here.");
    await expect(body).toHaveAttribute("data-same-editor", "yes");
    await expect(body).toBeFocused();
    // A photo uploaded from the editor refreshes the page (the library): still the same editor, on the same address.
    const refreshed = page.waitForResponse(
      (r) => r.request().method() === "GET" && r.request().headers()["rsc"] === "1" && r.url().includes("/admin/articles/new"),
    );
    await page
      .locator("#hero-upload")
      .setInputFiles({ name: "terminal.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 900, 600, 17) });
    await refreshed;
    await expect(page.getByLabel(/Alt text for this story/)).toBeVisible();
    // The photo is saved by the next autosave; by then a reload of the editor would have come (it came just after the refresh).
    await expect(state).toHaveText(/All changes saved/, { timeout: 15_000 });
    await expect(body).toHaveAttribute("data-same-editor", "yes");
    await expect(page).toHaveURL(/\/admin\/articles\/new\?story=c[a-z0-9]{20,}$/);
    // Opened again, the address leads to the story.
    await expect(state).toHaveText(/All changes saved/, { timeout: 15_000 });
    await page.reload();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(page.getByRole("textbox", { name: "Story body" })).toHaveText("The first paragraph. And more. Still here.");
  });

  test("a keyboard user browses the bylines with the arrow keys without adding any, and adds one with Enter", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.goto("/admin/articles/new");
    await adminHydrated(page);
    const bylines = page.getByRole("group", { name: "Bylines" });
    const chips = bylines.locator(".chip");
    const before = await chips.count();
    const list = page.getByLabel("Add a byline");
    await list.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(chips).toHaveCount(before);
    const looked = (await list.locator("option:checked").textContent())!;
    await expect(page.locator("#add-byline-hint")).toHaveText(`Press Enter to add ${looked}.`);
    await bylines.screenshot({ path: "test-results/screens/byline-browse.png" });
    await page.keyboard.press("Enter");
    await expect(chips).toHaveCount(before + 1);
    await expect(chips.last()).toContainText(looked);
    await expect(list).toBeFocused();
    // A pick with the mouse (or Playwright's selectOption) adds at once, as before.
    await list.selectOption({ index: 1 });
    await expect(chips).toHaveCount(before + 2);
  });

  test("a tag typed while the last one is being created is kept whole (the box was emptied when the answer came, with the keys typed meanwhile)", async ({
    browser,
  }) => {
    test.skip(E2E_ENGINE === "postgresql", "makes its story through e2e/newsroom.ts (SQLite)");
    const api = await apiAs("editor");
    const { page } = await openStory(browser, "editor", await makeStory(api, `Tag typing ${unique()}`));
    const creations = await slowTagCreations(page);
    const [first, second] = [`Ferries ${unique()}`, `Strikes ${unique()}`];
    const box = page.getByLabel("Add a tag");
    await box.fill(first);
    // A second Enter on the same name creates nothing more.
    await box.press("Enter");
    await box.press("Enter");
    await box.pressSequentially(second, { delay: 60 });
    await expect(page.getByRole("button", { name: `Remove tag ${first}` })).toBeVisible();
    await expect(box).toHaveValue(second);
    await expect(page.locator("#tag-error")).toBeEmpty();
    expect(creations.asked).toBe(1);
    await api.dispose();
  });

  test("a new tag refused comes back to the box with the reason, or, when the next one is being typed there, is named in the reason", async ({
    browser,
  }) => {
    test.skip(E2E_ENGINE === "postgresql", "makes its story through e2e/newsroom.ts (SQLite)");
    const api = await apiAs("editor");
    const { page } = await openStory(browser, "editor", await makeStory(api, `Tag refused ${unique()}`));
    const creations = await slowTagCreations(page);
    creations.refuse = true;
    const [first, second] = [`Ferries ${unique()}`, `Strikes ${unique()}`];
    const box = page.getByLabel("Add a tag");
    const reason = page.locator("#tag-error");
    await box.fill(first);
    await box.press("Enter");
    await expect(box).toHaveValue("");
    await expect(reason).not.toBeEmpty();
    await expect(box).toHaveValue(first);
    await expect(reason).not.toContainText(first);
    await box.press("Enter");
    await box.pressSequentially(second, { delay: 60 });
    await expect(reason).toContainText(`“${first}” was not added: `);
    await expect(box).toHaveValue(second);
    await expect(page.getByRole("button", { name: /^Remove tag / })).toHaveCount(0);
    await api.dispose();
  });

  test("the keyboard stays on Save while it saves, and goes to the story's new status after a move, which is said", async ({ browser }) => {
    const page = await as(browser, "writer");
    const headline = `Keyboard moves ${unique()}`;
    await writeDraft(page, headline);
    await page.getByRole("button", { name: "Create draft" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(page.getByText("All changes saved")).toBeVisible();
    // The full editor opens with the keyboard on its Save button (a probe found it on the page's body).
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeFocused();
    // The tab names the story (several stories open in several tabs).
    await page.reload();
    await expect(page).toHaveTitle(new RegExp(`^Edit .${headline}.`));
    await page.getByLabel("Dek").fill("Changed, then saved from the keyboard.");
    // A screen reader hears the outcome of a save asked for, not every keystroke's "Unsaved changes".
    const said = page.getByTestId("save-state-said");
    await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");
    await expect(said).toHaveText("");
    const save = page.getByRole("button", { name: "Save", exact: true });
    await save.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("All changes saved")).toBeVisible();
    await expect(save).toBeFocused();
    await expect(said).toHaveText(/^Saved at \d{2}:\d{2}\.$/);
    await page.getByRole("button", { name: "Submit for review" }).focus();
    await page.keyboard.press("Enter");
    const status = page.getByRole("heading", { name: /^Status:/ });
    await expect(status).toContainText("In review");
    await expect(status).toBeFocused();
    await expect(page.locator("#workflow-moved")).toHaveText("Status: In review.");
  });

  test("a move whose new status has not shown yet is said on that story only, not on the next story opened in the tab", async ({
    browser,
  }) => {
    const page = await as(browser, "writer");
    const other = `Already in review ${unique()}`;
    await writeDraft(page, other);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByRole("heading", { name: /^Status:/ })).toContainText("In review");
    await writeDraft(page, `Moved while the network stalls ${unique()}`);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(page.getByText("All changes saved")).toBeVisible();
    const story = new URL(page.url()).pathname;
    // The page's refresh after the move never arrives (a stalled network, or a colleague's move first).
    await page.route(
      (url) => url.pathname === story,
      (route) => (route.request().method() === "GET" && route.request().headers()["rsc"] ? undefined : route.continue()),
    );
    const moved = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === story);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await moved;
    // The writer opens another story in the same tab (a client-side navigation), which is in review.
    await page.getByRole("navigation").getByRole("link", { name: "Stories", exact: true }).click();
    await page.getByRole("link", { name: other }).click();
    const status = page.getByRole("heading", { name: /^Status:/ });
    await expect(status).toContainText("In review");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForTimeout(500);
    await expect(status).not.toBeFocused();
    await expect(page.locator("#workflow-moved")).toHaveText("");
  });

  test("a story list page past the last (an old link) opens the last page, and a search that finds nothing says so", async ({
    browser,
  }) => {
    const page = await as(browser, "editor");
    await page.goto("/admin?page=9999");
    await expect(page).toHaveURL(/[?&]page=\d+$/);
    const last = Number(new URL(page.url()).searchParams.get("page"));
    expect(last).toBeLessThan(9999);
    await expect(page.getByRole("table").getByRole("row")).not.toHaveCount(0);
    await expect(page.getByText("No stories yet.")).toHaveCount(0);
    if (last > 1) await expect(page.getByText(new RegExp(`^Page ${last} of ${last}$`))).toBeVisible();
    await page.goto(`/admin?q=${encodeURIComponent(`nothing-like-this-${unique()}`)}`);
    await expect(page.getByText("No stories match these filters.")).toBeVisible();
    // Sorted by when they were first published, the list shows that time.
    await page.goto("/admin?sort=published");
    await expect(
      page
        .getByRole("table")
        .getByText(/^First published .*\d{2}:\d{2}/)
        .first(),
    ).toBeVisible();
  });

  test("on a small screen the sticky editor bar never hides the field the keyboard moves to", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.setViewportSize({ width: 640, height: 450 });
    await page.goto("/admin/articles/new");
    await adminHydrated(page);
    await page.getByLabel("Dateline", { exact: true }).focus();
    await page.keyboard.press("Shift+Tab");
    await expect(page.getByLabel("Slug")).toBeFocused();
    const bar = (await page.locator(".editor-bar").boundingBox())!;
    const slug = (await page.getByLabel("Slug").boundingBox())!;
    expect(slug.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  });

  test("closing the link form or the photo panel with Escape puts the keyboard back in the story's text", async ({ browser }) => {
    const { page, body } = await newStoryBody(browser, "The ferry runs twice a day.");
    await page.keyboard.press("Control+k");
    await expect(page.getByLabel("Link address")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByLabel("Link address")).toHaveCount(0);
    await expect(body).toBeFocused();
    await page.getByRole("button", { name: "Photo", exact: true }).click();
    await expect(page.getByRole("group", { name: "Insert a photo" })).toBeVisible();
    // In the search box Escape is the search's own (it clears it); from the rest of the panel it closes it.
    await page.locator("#inline-photo-search").focus();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("group", { name: "Insert a photo" })).toBeVisible();
    await page.getByRole("radiogroup", { name: "Choose a photo for the body" }).getByRole("radio").first().focus();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("group", { name: "Insert a photo" })).toHaveCount(0);
    await expect(body).toBeFocused();
    // Typing goes on where it was.
    await page.keyboard.type(" Tickets cost two euros.");
    await expect(body).toContainText("The ferry runs twice a day. Tickets cost two euros.");
  });

  test("the keyboard is back in the text the moment a link is applied or a photo inserted, so no key typed at once is lost", async ({
    browser,
  }) => {
    const { page, body } = await newStoryBody(browser, "The ferry runs twice a day.");
    // Focus went back a frame later, and keys typed in between went to the closing form or
    // panel, and were lost with it. This does what closes it (a click, or a key pressed in it)
    // and says, in the same task, what has the keyboard.
    const focusedAfter = (el: HTMLElement | SVGElement, how: string) => {
      if (how === "click") (el as HTMLElement).click();
      else el.dispatchEvent(new KeyboardEvent("keydown", { key: how, bubbles: true, cancelable: true }));
      return document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName ?? null;
    };
    await page.keyboard.press("Shift+Home");
    await page.keyboard.press("Control+k");
    await page.getByLabel("Link address").fill("https://example.org/ferry");
    expect(await page.getByLabel("Link address").evaluate(focusedAfter, "Enter")).toBe("Story body");
    await expect(body.locator('a[href="https://example.org/ferry"]')).toHaveCount(1);
    await page.keyboard.press("End");
    await page.getByRole("button", { name: "Photo", exact: true }).click();
    await page
      .getByRole("radiogroup", { name: "Choose a photo for the body" })
      .getByRole("radio", { name: /Elena Marsh/ })
      .check();
    expect(await page.getByRole("button", { name: "Insert photo" }).evaluate(focusedAfter, "click")).toBe("Story body");
    await expect(body.locator("figure.editor-figure")).toHaveCount(1);
    await page.keyboard.type("Tickets cost two euros.");
    await expect(body.locator("figure.editor-figure + p")).toHaveText("Tickets cost two euros.");
    // Cancel and Escape too.
    await page.getByRole("button", { name: "Photo", exact: true }).click();
    expect(
      await page.getByRole("group", { name: "Insert a photo" }).getByRole("button", { name: "Cancel" }).evaluate(focusedAfter, "click"),
    ).toBe("Story body");
    await page.keyboard.press("Control+k");
    expect(await page.getByLabel("Link address").evaluate(focusedAfter, "Escape")).toBe("Story body");
  });

  test("a shortcut pressed the instant words are selected acts on those words", async ({ browser }) => {
    const { page, body } = await newStoryBody(browser, "The ferry runs twice a day.");
    // The browser tells the editor of a new selection a moment later, and on a busy machine after
    // the next key: Shift+Home then Ctrl+K linked nothing. This selects and presses in one task,
    // as a quick hand on a slow machine does.
    const selectAndPress = (el: HTMLElement | SVGElement, { key, from, to }: { key: string; from: number; to: number }) => {
      const text = el.querySelector("p")!.firstChild!;
      getSelection()!.setBaseAndExtent(text, from, text, to);
      el.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey: true, bubbles: true, cancelable: true }));
    };
    await body.evaluate(selectAndPress, { key: "b", from: 4, to: 9 });
    await expect(body.locator("strong")).toHaveText("ferry");
    await body.locator("p").click();
    await page.keyboard.press("End");
    await body.evaluate(selectAndPress, { key: "k", from: 0, to: 3 });
    await page.getByLabel("Link address").fill("https://example.org/ferry");
    await page.getByLabel("Link address").press("Enter");
    await expect(body.locator('a[href="https://example.org/ferry"]')).toHaveText("The");
    await expect(body).toHaveText("The ferry runs twice a day.");
  });

  test("on a small screen, the line after a photo just inserted is in view, clear of the editor bar", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.setViewportSize({ width: 390, height: 340 });
    await page.goto("/admin/articles/new");
    await adminHydrated(page);
    const body = page.getByRole("textbox", { name: "Story body" });
    await body.click();
    for (const n of [1, 2, 3, 4, 5, 6]) await page.keyboard.type(`Paragraph ${n} of the ferry story.\n`);
    await page.getByRole("button", { name: "Photo", exact: true }).click();
    await page
      .getByRole("radiogroup", { name: "Choose a photo for the body" })
      .getByRole("radio", { name: /Elena Marsh/ })
      .check();
    await page.getByRole("button", { name: "Insert photo" }).click();
    await expect(body.locator("figure.editor-figure")).toHaveCount(1);
    await expect(body).toBeFocused();
    // Where the next key goes (the paragraph after the photo) is on the screen, not under the bar.
    const line = await page.evaluate(() => {
      const node = getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      const box = element!.closest("p")!.getBoundingClientRect();
      const bar = document.querySelector(".editor-bar")!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, viewport: innerHeight, barTop: bar.top, barBottom: bar.bottom };
    });
    const clear = line.barTop > line.viewport / 2 ? { top: 0, bottom: line.barTop } : { top: line.barBottom, bottom: line.viewport };
    expect(line.top, JSON.stringify(line)).toBeGreaterThanOrEqual(clear.top);
    expect(line.bottom, JSON.stringify(line)).toBeLessThanOrEqual(clear.bottom);
  });

  test("what an editor types before the desk's scripts have run is kept, and saved", async ({ browser }) => {
    const writer = await as(browser, "editor");
    await writeDraft(writer, `Typed before the scripts ${unique()}`);
    await writer.getByRole("button", { name: "Create draft" }).click();
    await expect(writer).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(writer.getByText("All changes saved")).toBeVisible();
    const url = writer.url();

    // A slow network: the server-rendered editor is on screen, its scripts not yet run.
    const page = await as(browser, "editor");
    const release = await holdScripts(page);
    await page.goto(url, { waitUntil: "domcontentloaded" });
    await page.getByLabel("Dek").fill("Typed before the scripts ran.");
    await page.getByLabel("Dateline", { exact: true }).fill("NORTH QUAY");
    release();
    // Hydrated: the body editor exists only once the scripts run.
    await expect(page.getByRole("textbox", { name: "Story body" })).toBeVisible();
    await expect(page.getByTestId("save-state")).not.toHaveText("All changes saved");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("save-state")).toHaveText(/All changes saved · Saved at/);
    await expect(page.getByLabel("Dek")).toHaveValue("Typed before the scripts ran.");
    await page.reload();
    await expect(page.getByLabel("Dek")).toHaveValue("Typed before the scripts ran.");
    await expect(page.getByLabel("Dateline", { exact: true })).toHaveValue("NORTH QUAY");
  });

  test("autosaves a draft a few seconds after typing stops", async ({ browser }) => {
    const page = await as(browser, "writer");
    await writeDraft(page, `Autosave test ${unique()}`);
    // The autosave creates the story without leaving the screen; the address names it (and opens it when loaded).
    await expect(page).toHaveURL(/\/admin\/articles\/new\?story=c[a-z0-9]{20,}$/, { timeout: 15_000 });
    await expect(page.getByText(/All changes saved · Draft autosaved at/)).toBeVisible();
    await page.getByLabel("Dek").fill("Typed, never saved by hand.");
    await expect(page.getByText("Unsaved changes")).toBeVisible();
    // Leaving through an in-app link with unsaved changes asks first.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "Stories" }).click();
    expect(asked).toMatch(/unsaved changes/);
    await expect(page).toHaveURL(/\/admin\/articles\/new\?story=c[a-z0-9]{20,}$/);
    await expect(page.getByText(/All changes saved/)).toBeVisible({ timeout: 15_000 });
    await page.reload();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(page.getByLabel("Dek")).toHaveValue("Typed, never saved by hand.");
  });

  test("refuses to publish a story that lacks a section, listing what is missing", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.goto("/admin/articles/new");
    await page.getByLabel("Headline").fill(`Incomplete ${unique()}`);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(page.getByText(/Before it can go live this story needs: a body, a section/)).toBeVisible();
    // "Publish…" stays disabled until nothing blocks it (the server refuses such a story too).
    await expect(page.getByRole("button", { name: "Publish…" })).toBeDisabled();
  });

  test("never says 'Ready to publish' of a story the server would refuse: a source the shared schema refuses is on the list (it said ready, and the dialog said only 'Some fields need attention')", async ({
    browser,
  }) => {
    const page = await as(browser, "editor");
    await writeDraft(page, `Bad source ${unique()}`);
    await expect(page.getByText("Ready to publish.")).toBeAttached();
    await page.getByRole("button", { name: "Add a source" }).click();
    // A row added and left empty is named as one to fill in or remove (it was "a fix to source 1", with nothing on the row).
    await expect(
      page.getByText("Before it can go live this story needs: an address and a title for source 1, or its removal."),
    ).toBeVisible();
    const source = page.getByRole("listitem", { name: "Source 1" });
    await source.getByLabel("URL", { exact: true }).fill("javascript:alert(1)");
    await source.getByLabel("Title", { exact: true }).fill("Harbour notice");
    await expect(page.getByText(/Before it can go live this story needs: a fix to source 1\./)).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish…" })).toHaveAttribute("aria-disabled", "true");
    await page.screenshot({ path: "test-results/screens/publish-bad-source.png", fullPage: true });
    await source.getByLabel("URL", { exact: true }).fill("https://example.org/harbour-notice");
    await expect(page.getByText("Ready to publish.")).toBeAttached();
  });

  test("a dateline and a source's note over their limits are refused at their fields, and the refusal links to each (only 'Some fields need attention' was said, with no field marked)", async ({
    browser,
  }) => {
    const page = await as(browser, "editor");
    await writeDraft(page, `Long dateline ${unique()}`);
    const dateline = page.getByLabel("Dateline", { exact: true });
    const longDateline = `KYIV, Ukraine, and the villages north of the capital including ${"Bucha, Irpin, Hostomel, ".repeat(3)}`;
    await dateline.fill(longDateline);
    await page.getByRole("button", { name: "Add a source" }).click();
    const source = page.getByRole("listitem", { name: "Source 1" });
    await source.getByLabel("URL", { exact: true }).fill("https://example.org/council-minutes");
    await source.getByLabel("Title", { exact: true }).fill("Council minutes");
    await source.getByText(/^More/).click();
    const note = source.getByLabel("Note (for readers)");
    await note.fill("n".repeat(1001));
    await page.getByRole("button", { name: "Create draft" }).click();

    await expect(page.locator("#dateline-error")).toHaveText("Datelines can be at most 100 characters.");
    await expect(dateline).toHaveAttribute("aria-invalid", "true");
    await expect(source.locator("#source-0-note-error")).toHaveText("Notes can be at most 1000 characters.");
    await expect(note).toHaveAttribute("aria-invalid", "true");
    const problems = page.locator("#editor-problem");
    await expect(problems).toContainText("Some fields need attention.");
    await expect(problems.getByRole("listitem")).toHaveText(["Dateline", "Source 1, note"]);
    await page.screenshot({ path: "test-results/screens/refused-dateline-and-note.png", fullPage: true });
    // Each names its field, and takes the keyboard there, without asking whether to leave the page.
    page.on("dialog", (dialog) => {
      throw new Error(`Asked: ${dialog.message()}`);
    });
    await problems.getByRole("link", { name: "Source 1, note" }).click();
    await expect(note).toBeFocused();
    // Nothing typed was lost; once both are right, the draft is created.
    await expect(dateline).toHaveValue(longDateline);
    await dateline.fill("KYIV, Ukraine");
    await note.fill("The minutes of the special meeting.");
    await expect(page.locator("#dateline-error")).toHaveText("");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+$/);
    await expect(page.getByLabel("Dateline", { exact: true })).toHaveValue("KYIV, Ukraine");
  });

  test("by keyboard, a new source's URL takes the focus, and a moved source keeps it (it stayed on the button, and the rows' buttons swapped sources)", async ({
    browser,
  }) => {
    const page = await as(browser, "writer");
    await page.goto("/admin/articles/new");
    await adminHydrated(page);
    const add = page.getByRole("button", { name: "Add a source" });
    await add.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("listitem", { name: "Source 1" }).getByLabel("URL", { exact: true })).toBeFocused();
    await page.keyboard.type("https://example.org/first");
    await add.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("listitem", { name: "Source 2" }).getByLabel("URL", { exact: true })).toBeFocused();
    await page.keyboard.type("https://example.org/second");
    await page.getByRole("button", { name: "Move source 2 up" }).focus();
    await page.keyboard.press("Enter");
    // The second source is first now; the keyboard is on its arrow down (its arrow up is disabled at the top).
    await expect(page.getByRole("listitem", { name: "Source 1" }).getByLabel("URL", { exact: true })).toHaveValue(
      "https://example.org/second",
    );
    await expect(page.getByRole("button", { name: "Move source 1 down" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("listitem", { name: "Source 2" }).getByLabel("URL", { exact: true })).toHaveValue(
      "https://example.org/second",
    );
    await expect(page.getByRole("button", { name: "Move source 2 up" })).toBeFocused();
  });

  test("a slug the check finds taken is on the publish list, and Publish waits for another (it said 'Ready to publish' until the server refused)", async ({
    browser,
  }) => {
    test.skip(E2E_ENGINE === "postgresql", "makes its story through e2e/newsroom.ts (SQLite)");
    const api = await apiAs("editor");
    const taken = await makeStory(api, `Slug taken ${unique()}`);
    await api.dispose();
    const page = await as(browser, "editor");
    await writeDraft(page, `Same slug ${unique()}`);
    await expect(page.getByText("Ready to publish.")).toBeAttached();
    await page.getByLabel("Slug").fill(taken.slug);
    await expect(page.getByText("Another story already uses this slug (or it redirects to one).")).toBeVisible();
    await expect(page.getByText(/Before it can go live this story needs: a slug no other story uses\./)).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish…" })).toHaveAttribute("aria-disabled", "true");
    await page.getByLabel("Slug").fill(`${taken.slug}-2`);
    await expect(page.getByText("Ready to publish.")).toBeAttached();
  });

  test("a publish the server refuses for a field closes its dialog and takes the keyboard to the field, where the reason is (it was behind the dialog)", async ({
    browser,
  }) => {
    test.skip(E2E_ENGINE === "postgresql", "makes its story through e2e/newsroom.ts (SQLite)");
    const api = await apiAs("editor");
    const taken = await makeStory(api, `Slug taken ${unique()}`);
    const page = await as(browser, "editor");
    // The slug check never answers (a slow link): only the server's refusal of the publish says the slug is taken.
    const checks = new Set(
      serverActionsInBuild()
        .filter((action) => action.name === "checkSlugAction")
        .map((action) => action.id),
    );
    await page.route("**/admin/articles/**", (route) =>
      checks.has(route.request().headers()["next-action"] ?? "") ? route.abort("connectionreset") : route.continue(),
    );
    await writeDraft(page, `Same slug ${unique()}`);
    await page.getByLabel("Slug").fill(taken.slug);
    await page.getByRole("button", { name: "Publish…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish this story?" });
    await dialog.getByRole("button", { name: "Publish now" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel("Slug")).toBeFocused();
    await expect(page.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
    await api.dispose();
  });

  test("the cron endpoint needs its secret and is idempotent", async ({ playwright }) => {
    const api = await playwright.request.newContext({ baseURL: E2E_ENV.DATELINE_SITE_URL });
    expect((await api.post("/api/cron/publish-scheduled")).status()).toBe(401);
    const headers = { Authorization: `Bearer ${E2E_ENV.DATELINE_CRON_SECRET}` };
    const run = await api.post("/api/cron/publish-scheduled", { headers });
    expect(run.status()).toBe(200);
    expect(await run.json()).toHaveProperty("published");
  });

  test("preview shows a draft to editors and never to a signed-out reader", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.goto("/admin?status=DRAFT&q=Council");
    await page.getByRole("link", { name: "Council candidates debate housing" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    const previewUrl = page.url() + "/preview";
    await page.goto(previewUrl);
    await expect(page.getByText("Preview · Draft · readers cannot see this page")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Council candidates debate housing" })).toBeVisible();
    const reader = await (await newContext(browser)).newPage();
    await reader.goto(previewUrl);
    await expect(reader).toHaveURL(/\/login/);
  });
});

test("pasting from Word keeps bold, italics, links and lists and drops styles, tables and scripts", async ({ browser }) => {
  const page = await (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(`Pasted from Word ${unique()}`);
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
    <p class="MsoNormal" style="mso-line-height-rule:exactly"><span style="font-family:Calibri">The minister said it was <b>final</b> and <i>binding</i>.<o:p></o:p></span></p>
    <p class="MsoListParagraph" style="mso-list:l0 level1 lfo1">Point one</p>
    <ul style="list-style-type:disc"><li dir="ltr"><p dir="ltr"><span style="font-weight:400">A Google Docs bullet</span></p></li></ul>
    <table><tr><td>cell text</td></tr></table>
    <p><a href="javascript:alert(1)">bad link</a> and <a href="https://example.org/report">the report</a></p>
    <script>window.pwned = true</script><img src="x" onerror="window.pwned=true"></body></html>`;
  await body.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "fallback");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, wordHtml);
  await expect(body.locator("strong")).toHaveText("final");
  await expect(body.locator("em")).toHaveText("binding");
  // Word's list paragraph (mso-list) becomes a list item too (lib/articles/paste-cleaning.ts).
  await expect(body.locator("ul li")).toHaveText(["Point one", "A Google Docs bullet"]);
  await expect(body.locator("b, strong").filter({ hasText: "Google" })).toHaveCount(0);
  await expect(body.locator("a[href='https://example.org/report']")).toHaveText("the report");
  await expect(body.locator("a[href^='javascript:']")).toHaveCount(0);
  await expect(body.locator("table, script, img, style")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
  await page.goto(page.url() + "/preview");
  await expect(page.locator(".article-body strong")).toHaveText("final");
  await expect(page.locator(".article-body")).toContainText("cell text");
});
