import fs from "node:fs";
import path from "node:path";
import { E2E_ENV, E2E_URL, storageStatePath } from "../env";
import { expect, newContext, test, unique } from "../fixtures";
import { apiAs, makeStory } from "../newsroom";
import { databaseFingerprint, readDatabase } from "../database";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";
import { makePhoto } from "../../lib/test/images";

// Issue 8 (trust): a photo a published story shows reaches readers the moment it changes, so a
// writer sees its page read-only, with the reason, and the server refuses a writer's direct call.

/** A photo the hero or body of a published story shows, and that story's headline. */
const livePhoto = () =>
  readDatabase(
    (db) =>
      db
        .prepare(
          "SELECT i.id, i.credit, a.headline FROM Image i JOIN ArticleImage ai ON ai.imageId = i.id JOIN Article a ON a.id = ai.articleId WHERE a.status = 'PUBLISHED' ORDER BY a.publishedAt LIMIT 1",
        )
        .get() as { id: string; credit: string; headline: string },
  );

test("a writer opens a live photo's page: read-only with the reason, and a direct save or replacement is refused", async ({
  browser,
  playwright,
}) => {
  const photo = livePhoto();
  const page = await (await newContext(browser, { storageState: storageStatePath("writer") })).newPage();
  await page.goto(`/admin/media/${photo.id}`);
  await expect(page.getByTestId("read-only-reason")).toContainText("only an editor can change it");
  await expect(page.getByTestId("read-only-reason")).toContainText(photo.headline);
  await expect(page.getByLabel("Photographer")).toHaveValue(photo.credit);
  await expect(page.getByLabel("Photographer")).not.toBeEditable();
  await expect(page.getByLabel("Caption")).not.toBeEditable();
  await expect(page.getByLabel(/^Alt text/)).not.toBeEditable();
  await expect(page.getByLabel("License or usage terms")).not.toBeEditable();
  await expect(page.getByRole("button", { name: "Save photo details" })).toHaveCount(0);
  await expect(page.getByText("Replace file…")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete photo" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/live-photo-writer.png", fullPage: true });

  // The same writer calling the server directly is refused, and nothing changes.
  const before = databaseFingerprint();
  const api = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("writer") });
  const action = serverActionsInBuild().find((a) => a.name === "updateImageAction")!;
  const save = await callServerAction(api, `/admin/media/${photo.id}`, action, {
    id: photo.id,
    credit: "Writer's credit",
    altText: "Changed by a writer",
  });
  expect(actionOutcome(save.body)).toBe("forbidden");
  expect(save.body).toContain("only an editor can change it");
  const replace = await api.post(`/api/media/${photo.id}/file`, {
    headers: { Origin: E2E_URL },
    multipart: { file: { name: "swap.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 640, 400, 8801) } },
  });
  expect(replace.status()).toBe(403);
  expect(((await replace.json()) as { error: string }).error).toContain("only an editor can change it");
  expect(databaseFingerprint()).toBe(before);
  await api.dispose();

  // An editor gets the form to change it.
  const editor = await (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
  await editor.goto(`/admin/media/${photo.id}`);
  await expect(editor.getByRole("button", { name: "Save photo details" })).toBeEnabled();
  await expect(editor.getByLabel("Photographer")).toBeEditable();
  await expect(editor.getByTestId("read-only-reason")).toHaveCount(0);
});

test("a writer opens a photo in an editor's draft: read-only, the draft not named, and a swap of its file refused", async ({
  browser,
  playwright,
}) => {
  // From a security probe: any writer could replace the file behind a photo in someone else's draft,
  // which readers then got under the original caption and credit when the story went live.
  const editorApi = await apiAs("editor");
  const upload = await editorApi.post("/api/media", {
    headers: { Origin: E2E_URL },
    multipart: { file: { name: "editors-draft.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 640, 400, 8811) } },
  });
  expect(upload.status()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const headline = `Editor's draft with a photo ${unique()}`;
  await makeStory(editorApi, headline, "DRAFT", { hero: id });

  const page = await (await newContext(browser, { storageState: storageStatePath("writer") })).newPage();
  await page.goto(`/admin/media/${id}`);
  await expect(page.getByTestId("read-only-reason")).toContainText(
    "This photo is in a story you cannot edit, so only an editor can change it",
  );
  await expect(page.getByTestId("used-in-unseen")).toHaveText("A story of someone else’s, not published");
  await expect(page.getByText(headline)).toHaveCount(0);
  await expect(page.getByText("Replace file…")).toHaveCount(0);

  const before = databaseFingerprint();
  const api = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("writer") });
  const replace = await api.post(`/api/media/${id}/file`, {
    headers: { Origin: E2E_URL },
    multipart: { file: { name: "swapped.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 640, 400, 8812) } },
  });
  expect(replace.status()).toBe(403);
  expect(databaseFingerprint()).toBe(before);
  await api.dispose();

  // An editor, who may change it, is not offered a delete the server would refuse (the draft would
  // lose its photo unannounced), and is told what to do first. A photo no story shows, they delete.
  const editor = await (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
  await editor.goto(`/admin/media/${id}`);
  await expect(editor.getByLabel("Photographer")).toBeEditable();
  await expect(editor.getByRole("button", { name: "Delete photo" })).toHaveCount(0);
  await expect(editor.getByTestId("no-delete")).toHaveText(
    `Not offered: This photo is in a story that is not live (“${headline}”). Take it out of it first.`,
  );
  const spare = await editorApi.post("/api/media", {
    headers: { Origin: E2E_URL },
    multipart: { file: { name: "spare.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 640, 400, 8813) } },
  });
  const { id: spareId } = (await spare.json()) as { id: string };
  await editor.goto(`/admin/media/${spareId}`);
  await expect(editor.getByTestId("no-delete")).toHaveCount(0);
  editor.once("dialog", (dialog) => void dialog.accept());
  await editor.getByRole("button", { name: "Delete photo" }).click();
  await expect(editor).toHaveURL(/\/admin\/media$/);
  expect((await editorApi.get(`/admin/media/${spareId}`)).status()).toBe(404);
  await editorApi.dispose();
});

test("an editor replaces a live photo's file: the story shows the new file at once, and the old file's addresses keep answering", async ({
  playwright,
}) => {
  const photo = livePhoto();
  const story = readDatabase(
    (db) =>
      db
        .prepare(
          "SELECT a.slug, s.slug AS section FROM Article a JOIN Section s ON s.id = a.sectionId JOIN ArticleImage ai ON ai.articleId = a.id WHERE ai.imageId = ? AND a.status = 'PUBLISHED' LIMIT 1",
        )
        .get(photo.id) as { slug: string; section: string },
  );
  const reader = await playwright.request.newContext({ baseURL: E2E_URL });
  const before = await (await reader.get(`/${story.section}/${story.slug}`)).text();
  const { sha256: oldSha, storageKey: oldKey } = readDatabase(
    (db) => db.prepare("SELECT sha256, storageKey FROM Image WHERE id = ?").get(photo.id) as { sha256: string; storageKey: string },
  );
  const oldAddresses = [...new Set(before.match(new RegExp(`/media/${oldSha}-w\\d+\\.(?:jpg|webp|avif)`, "g")) ?? [])];
  expect(oldAddresses.length).toBeGreaterThan(0);

  const api = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("editor") });
  const replaced = await api.post(`/api/media/${photo.id}/file`, {
    headers: { Origin: E2E_URL },
    multipart: { file: { name: "new-file.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 1700, 1100, 8802) } },
  });
  expect(replaced.status()).toBe(200);
  const newSha = readDatabase((db) => db.prepare("SELECT sha256 FROM Image WHERE id = ?").pluck().get(photo.id) as string);
  expect(newSha).not.toBe(oldSha);
  const after = await (await reader.get(`/${story.section}/${story.slug}`)).text();
  expect(after).toContain(`/media/${newSha}-w`);
  expect(after).not.toContain(oldSha);
  // A page cached before the replacement (a CDN's copy, a feed reader's) still finds its photo.
  for (const address of oldAddresses) expect((await reader.get(address)).status(), address).toBe(200);

  // Put the seed's own file back (its original is still stored), for the specs that follow.
  const restored = await api.post(`/api/media/${photo.id}/file`, {
    headers: { Origin: E2E_URL },
    multipart: {
      file: { name: "restored.jpg", mimeType: "image/jpeg", buffer: fs.readFileSync(path.join(E2E_ENV.DATELINE_MEDIA_DIR, oldKey)) },
    },
  });
  expect(restored.status()).toBe(200);
  expect(readDatabase((db) => db.prepare("SELECT sha256 FROM Image WHERE id = ?").pluck().get(photo.id))).toBe(oldSha);
  await api.dispose();
  await reader.dispose();
});

test("a live photo's license runs out: the editors hear of each live story showing it", async ({ browser }) => {
  const tag = unique();
  const api = await apiAs("editor");
  const upload = await api.post("/api/media", {
    headers: { Origin: E2E_URL },
    multipart: {
      file: {
        name: `licensed-${tag}.jpg`,
        mimeType: "image/jpeg",
        buffer: await makePhoto("jpeg", 800, 533, 7000 + (Number.parseInt(tag, 36) % 997)),
      },
    },
  });
  expect(upload.status()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const page = await (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
  await page.goto(`/admin/media/${id}`);
  await page.getByLabel("Photographer").fill("Roman Pilipey");
  await page.getByLabel("Agency or source").fill("Getty Images");
  await page.getByLabel(/^Alt text/).fill("Rescuers search the rubble of a school.");
  await page.getByLabel("License or usage terms").fill(`Editorial use only, licence ${tag}`);
  await page.getByRole("button", { name: "Save photo details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  const story = await makeStory(api, `Rescuers reach the school ${tag}`, "PUBLISHED", { hero: id });

  // The agency says the license ended yesterday: the editor records it on the photo.
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await page.getByLabel("License expires").fill(yesterday);
  await page.getByRole("button", { name: "Save photo details" }).click();
  await expect(page.getByTestId("license-expired")).toContainText("This photo's license ran out at the end of");
  await expect(page.getByTestId("license-expired")).toContainText("a live story still shows it");

  // Within a few seconds (the job runner's next turn), the notifications say which live story shows it.
  const entry = page.getByTestId("notifications").getByRole("listitem").filter({ hasText: story.headline });
  await expect(async () => {
    await page.goto("/admin/notifications");
    await expect(entry).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(entry).toContainText(`${story.headline} was left showing a photo whose license has expired.`);
  await expect(entry).toContainText(
    `The license (Editorial use only, licence ${tag}) of the photo credited “Roman Pilipey/Getty Images” ran out at the end of`,
  );
  await page.screenshot({ path: "test-results/screens/license-expired-notification.png", fullPage: true });
  await entry.getByRole("link", { name: story.headline }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${story.id}$`));
  await api.dispose();
});
